import { bboxOf, type PointCollection, ServiceMap } from '@caremap/map';
import {
  Button,
  currentLanguage,
  ErrorState,
  formatApiError,
  intlLocale,
  Loading,
  PageHeading,
  useMapLabels,
  useTranslation,
} from '@caremap/ui';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
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

function costText(service: ServiceDetail, language: string): string[] {
  const money = (amount: number, currency: string) => {
    try {
      return new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency }).format(amount);
    } catch {
      return `${amount} ${currency}`;
    }
  };
  return service.costOptions
    .filter((c) => !c.free)
    .map((c) =>
      [c.option, c.amount !== null && c.currency ? money(c.amount, c.currency) : null, c.amountDescription]
        .filter(Boolean)
        .join(' – '),
    )
    .filter(Boolean);
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
      features: service.places
        .filter((p) => !p.addressHidden && p.lat !== null && p.lng !== null)
        .map((p) => ({
          type: 'Feature',
          id: p.locationId,
          geometry: { type: 'Point', coordinates: [p.lng as number, p.lat as number] },
          properties: { id: p.locationId },
        })),
    }),
    [service.places],
  );
  const bounds = useMemo(() => bboxOf(points.features), [points]);
  const ages = ageRange(service, t);
  const title = `${service.name} – ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  // The shell focused <main> while the page was still loading: the heading takes it over now, as
  // it would have after a full page load.
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Only then: on a first page load focus stays where the browser put it.
    if (document.activeElement?.id === 'main')
      articleRef.current?.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, []);

  const timeZone = service.schedules[0]?.timezone ?? service.today?.zone ?? 'Europe/Prague';
  const hasHours = service.schedules.some((s) => s.opensAt && s.closesAt);
  const notes = [
    ...new Set(service.schedules.map((s) => s.description).filter((d): d is string => Boolean(d))),
  ];
  const free = service.costOptions.some((c) => c.free);
  const costs = costText(service, language);
  const wheelchair = service.places.map((p) => p.wheelchairAccessible);
  const accessible = wheelchair.includes(true)
    ? true
    : wheelchair.length && wheelchair.every((w) => w === false)
      ? false
      : null;
  const accessNotes = [
    ...new Set(
      service.places.flatMap((p) =>
        p.accessibility.map((a) => [a.description, a.details].filter(Boolean).join(': ')).filter(Boolean),
      ),
    ),
  ];
  const website = service.url ?? service.organization.website;

  return (
    <article className="find-service" ref={articleRef}>
      <div className="find-service__top">
        {back}
        <Button variant="quiet" className="find-print" onClick={() => window.print()}>
          {t('find.print.page')}
        </Button>
      </div>
      <PageHeading title={service.name}>
        <p className="find-service__org">{service.organization.name}</p>
        <p className="find-service__status">
          {service.openNow ? (
            <span className="cm-badge find-badge--open">{t('find.hours.openNow')}</span>
          ) : hasHours ? (
            <span className="cm-badge cm-badge--muted">{t('find.hours.closedNow')}</span>
          ) : null}
          {!service.openNow && service.nextOpening ? (
            <span className="find-service__next">
              {t('find.hours.nextOpening', {
                when: formatNextOpening(service.nextOpening, language, timeZone),
              })}
            </span>
          ) : null}
        </p>
      </PageHeading>
      {service.alert ? (
        <p className="find-service__alert" role="note">
          {service.alert}
        </p>
      ) : null}

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
            {hasHours ? <HoursTable service={service} timeZone={timeZone} language={language} /> : null}
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
            {service.openOnPublicHolidays ? <p>{t('find.hours.holidaysOpen')}</p> : null}
            {!hasHours && !notes.length ? <p>{t('find.hours.unknown')}</p> : null}
          </Section>

          <Section title={t('find.service.practical')}>
            <dl className="find-facts">
              <dt>{t('find.service.languages')}</dt>
              <dd>
                {service.languages.length
                  ? [
                      ...new Set(
                        service.languages.map((l) =>
                          l.code ? languageName(l.code, language) : (l.name ?? ''),
                        ),
                      ),
                    ]
                      .filter(Boolean)
                      .join(', ')
                  : t('find.service.notStated')}
                {service.interpretationServices ? (
                  <span className="find-facts__more">{service.interpretationServices}</span>
                ) : null}
              </dd>
              <dt>{t('find.service.cost')}</dt>
              <dd>
                {free ? t('find.service.free') : null}
                {costs.map((cost) => (
                  <span key={cost} className={free ? 'find-facts__more' : 'find-facts__line'}>
                    {cost}
                  </span>
                ))}
                {service.feesDescription ? (
                  <span className="find-facts__more">{service.feesDescription}</span>
                ) : null}
                {!free && !costs.length && !service.feesDescription ? t('find.service.notStated') : null}
              </dd>
              <dt>{t('find.service.accessibility')}</dt>
              <dd>
                {accessible === true
                  ? t('find.service.wheelchairYes')
                  : accessible === false
                    ? t('find.service.wheelchairNo')
                    : t('find.service.notStated')}
                {accessNotes.map((note) => (
                  <span key={note} className="find-facts__more">
                    {note}
                  </span>
                ))}
              </dd>
              {service.applicationProcess ? (
                <>
                  <dt>{t('find.service.howToApply')}</dt>
                  <dd>{service.applicationProcess}</dd>
                </>
              ) : null}
              {service.waitTime ? (
                <>
                  <dt>{t('find.service.waitTime')}</dt>
                  <dd>{service.waitTime}</dd>
                </>
              ) : null}
            </dl>
          </Section>
        </div>

        <aside className="find-service__side" aria-label={t('find.service.contactAndPlace')}>
          <Section title={t('find.service.contact')}>
            <ul className="find-contacts">
              {service.phones.map((phone) => (
                <li key={`${phone.number}-${phone.extension}`}>
                  <a
                    href={`tel:${phone.number.replace(/[^\d+]/g, '')}${phone.extension ? `,${phone.extension}` : ''}`}
                  >
                    {phone.number}
                    {phone.extension ? ` (${phone.extension})` : ''}
                  </a>
                  {phone.description ? (
                    <span className="find-contacts__note"> – {phone.description}</span>
                  ) : null}
                </li>
              ))}
              {service.emails.map((email) => (
                <li key={email}>
                  <a href={`mailto:${email}`}>{email}</a>
                </li>
              ))}
              {website ? (
                <li>
                  <a href={website} rel="noopener noreferrer external">
                    {t('find.service.website')}
                  </a>
                </li>
              ) : null}
            </ul>
            {!service.phones.length && !service.emails.length && !website ? (
              <p>{t('find.service.noContact')}</p>
            ) : null}
          </Section>

          <Section title={t('find.service.getThere')}>
            {service.places.length ? (
              <ul className="find-locations">
                {service.places.map((place) => (
                  <li key={place.locationId}>
                    {place.name ? <strong>{place.name}</strong> : null}
                    {place.addressHidden ? (
                      <p>{t('find.service.hiddenAddress', { area: place.city ?? '' })}</p>
                    ) : place.address1 || place.city ? (
                      <address>
                        {place.address1}
                        {place.address1 ? <br /> : null}
                        {[place.postalCode, place.city].filter(Boolean).join(' ')}
                      </address>
                    ) : null}
                    {place.transportation ? <p>{place.transportation}</p> : null}
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
