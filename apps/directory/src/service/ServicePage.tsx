import { bboxOf, type PointCollection, ServiceMap } from '@caremap/map';
import {
  Button,
  currentLanguage,
  ErrorState,
  formatApiError,
  Loading,
  PageHeading,
  useMapLabels,
  useTranslation,
} from '@caremap/ui';
import { type ReactNode, useEffect, useMemo } from 'react';
import { type ServiceDetail, useService } from '../api';
import { FindLink } from '../FindLink';
import { type FindQuery, findUrl } from '../query';
import { languageName } from '../search/Filters';
import { formatNextOpening, HoursTable } from './HoursTable';
import { SuggestEditForm } from './SuggestEditForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="find-service__section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function ageRange(service: ServiceDetail, t: ReturnType<typeof useTranslation>['t']): string | null {
  const { minimumAge: min, maximumAge: max } = service;
  if (min !== null && max !== null) return t('find.service.ageRange', { min, max });
  if (min !== null) return t('find.service.ageFrom', { min });
  if (max !== null) return t('find.service.ageTo', { max });
  return null;
}

export function ServicePage({ id, query }: { id: string; query: FindQuery }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const service = useService(id);
  const back = (
    <FindLink className="find-back" href={findUrl(query)} state={{ focusService: id }}>
      ← {t('find.service.back')}
    </FindLink>
  );

  if (service.isPending) {
    return (
      <div className="find-service">
        {back}
        <Loading label={t('find.service.loading')} />
      </div>
    );
  }
  if (service.isError) {
    return (
      <div className="find-service">
        {back}
        <PageHeading title={t('find.service.failed')} />
        <ErrorState
          title={t('find.service.failed')}
          message={formatApiError(service.error, t)}
          onRetry={() => void service.refetch()}
        />
      </div>
    );
  }
  return <ServiceDetails service={service.data} back={back} language={language} />;
}

function ServiceDetails({
  service,
  back,
  language,
}: {
  service: ServiceDetail;
  back: ReactNode;
  language: string;
}) {
  const { t } = useTranslation();
  const mapLabels = useMapLabels(t('find.service.mapLabel', { name: service.name }));
  // Only published addresses go on the map: a hidden one's approximate point would read as a place.
  const points = useMemo<PointCollection>(
    () => ({
      type: 'FeatureCollection',
      features: service.locations
        .filter((l) => !l.addressHidden && l.lat !== null && l.lng !== null)
        .map((l) => ({
          type: 'Feature',
          id: l.id,
          geometry: { type: 'Point', coordinates: [l.lng as number, l.lat as number] },
          properties: { id: l.id },
        })),
    }),
    [service.locations],
  );
  const bounds = useMemo(() => bboxOf(points.features), [points]);
  const ages = ageRange(service, t);
  const title = `${service.name} – ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <article className="find-service">
      <div className="find-service__top">
        {back}
        <Button variant="quiet" className="find-print" onClick={() => window.print()}>
          {t('find.print.page')}
        </Button>
      </div>
      <PageHeading title={service.name}>
        <p className="find-service__org">{service.organization.name}</p>
        <p className="find-service__status">
          {service.openNow === true ? (
            <span className="cm-badge find-badge--open">{t('find.hours.openNow')}</span>
          ) : service.openNow === false ? (
            <span className="cm-badge cm-badge--muted">{t('find.hours.closedNow')}</span>
          ) : null}
          {service.openNow === false && service.nextOpening ? (
            <span className="find-service__next">
              {t('find.hours.nextOpening', {
                when: formatNextOpening(service.nextOpening, language, service.timeZone),
              })}
            </span>
          ) : null}
        </p>
      </PageHeading>

      <div className="find-service__grid">
        <div className="find-service__main">
          {service.description ? (
            <Section title={t('find.service.about')}>
              <p className="find-service__text">{service.description}</p>
            </Section>
          ) : null}

          <Section title={t('find.service.forWhom')}>
            {service.eligibilityDescription ? (
              <p className="find-service__text">{service.eligibilityDescription}</p>
            ) : null}
            {ages ? <p>{ages}</p> : null}
            {!service.eligibilityDescription && !ages ? <p>{t('find.service.everyone')}</p> : null}
          </Section>

          <Section title={t('find.service.hours')}>
            {service.hours.length ? (
              <HoursTable hours={service.hours} timeZone={service.timeZone} language={language} />
            ) : null}
            {service.scheduleNote ? <p>{service.scheduleNote}</p> : null}
            {!service.hours.length && !service.scheduleNote ? <p>{t('find.hours.unknown')}</p> : null}
          </Section>

          <Section title={t('find.service.practical')}>
            <dl className="find-facts">
              <dt>{t('find.service.languages')}</dt>
              <dd>
                {service.languages.length
                  ? service.languages.map((code) => languageName(code, language)).join(', ')
                  : t('find.service.notStated')}
              </dd>
              <dt>{t('find.service.cost')}</dt>
              <dd>
                {service.free === true ? t('find.service.free') : null}
                {service.free !== true && service.costs.length
                  ? service.costs
                      .map((c) =>
                        c.amount !== null && c.currency
                          ? `${c.option ?? ''} ${new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { style: 'currency', currency: c.currency }).format(c.amount)}`.trim()
                          : (c.option ?? ''),
                      )
                      .filter(Boolean)
                      .join('; ')
                  : null}
                {service.feesDescription ? (
                  <span className="find-facts__more">{service.feesDescription}</span>
                ) : null}
                {service.free !== true && !service.costs.length && !service.feesDescription
                  ? t('find.service.notStated')
                  : null}
              </dd>
              <dt>{t('find.service.accessibility')}</dt>
              <dd>
                {service.wheelchair === true
                  ? t('find.service.wheelchairYes')
                  : service.wheelchair === false
                    ? t('find.service.wheelchairNo')
                    : t('find.service.notStated')}
                {service.accessibility.map((text) => (
                  <span key={text} className="find-facts__more">
                    {text}
                  </span>
                ))}
              </dd>
              {service.attendingType ? (
                <>
                  <dt>{t('find.filters.attendingType')}</dt>
                  <dd>
                    {t(`find.attendingType.${service.attendingType as 'in_person'}`, {
                      defaultValue: service.attendingType,
                    })}
                  </dd>
                </>
              ) : null}
              {service.applicationProcess ? (
                <>
                  <dt>{t('find.service.howToApply')}</dt>
                  <dd>{service.applicationProcess}</dd>
                </>
              ) : null}
            </dl>
          </Section>
        </div>

        <aside className="find-service__side">
          <Section title={t('find.service.contact')}>
            <ul className="find-contacts">
              {service.phones.map((phone) => (
                <li key={phone.number}>
                  <a href={`tel:${phone.number.replace(/[^\d+]/g, '')}`}>{phone.number}</a>
                  {phone.description ? (
                    <span className="find-contacts__note"> – {phone.description}</span>
                  ) : null}
                </li>
              ))}
              {service.email ? (
                <li>
                  <a href={`mailto:${service.email}`}>{service.email}</a>
                </li>
              ) : null}
              {service.url ? (
                <li>
                  <a href={service.url} rel="noopener noreferrer external">
                    {t('find.service.website')}
                  </a>
                </li>
              ) : null}
            </ul>
            {!service.phones.length && !service.email && !service.url ? (
              <p>{t('find.service.noContact')}</p>
            ) : null}
          </Section>

          <Section title={t('find.service.getThere')}>
            {service.locations.length ? (
              <ul className="find-locations">
                {service.locations.map((location) => (
                  <li key={location.id}>
                    {location.name ? <strong>{location.name}</strong> : null}
                    {location.addressHidden ? (
                      <p>{t('find.service.hiddenAddress', { area: location.approximateArea ?? '' })}</p>
                    ) : location.address ? (
                      <address>
                        {location.address.address1}
                        <br />
                        {[location.address.postalCode, location.address.city].filter(Boolean).join(' ')}
                      </address>
                    ) : null}
                    {location.transportation && !location.addressHidden ? (
                      <p>{location.transportation}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('find.service.noLocation')}</p>
            )}
            {points.features.length ? (
              <div className="find-service__map">
                <ServiceMap labels={mapLabels} points={points} fitBounds={bounds} cluster={false} />
              </div>
            ) : null}
          </Section>
        </aside>
      </div>

      <SuggestEditForm serviceId={service.id} />
    </article>
  );
}
