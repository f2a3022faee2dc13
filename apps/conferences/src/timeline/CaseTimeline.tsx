import { type RouterOutputs, useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatDateTimeRange,
  intlLocale,
  isoDateTime,
  Loading,
  PageHeading,
} from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { kindLabelKey, statusLabelKey } from '../labels';
import { actionStatusLabelKey, formatDay } from '../record/shared';
import { useT } from '../translate';
import { NextReview } from './NextReview';

type Timeline = RouterOutputs['caseTimeline']['get'];
export type TimelineConference = Timeline['conferences'][number];

/** The conferences of a case grouped by their local day (drafts, not booked yet, in a group last). */
export function groupByDay(conferences: TimelineConference[], language: string) {
  const groups: Array<{ key: string; day: string | null; label: string; items: TimelineConference[] }> = [];
  for (const c of conferences) {
    const day = c.startsAt ? localDay(c.startsAt, c.timezone) : null;
    const key = day ?? 'draft';
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, day, label: day ? longDay(day, language) : '', items: [] };
      groups.push(group);
    }
    group.items.push(c);
  }
  return groups;
}

const localDay = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
const longDay = (day: string, language: string) =>
  new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** /conferences/cases/<caseRef>: the case's conferences, oldest first, with what each decided. */
export function CaseTimeline({ caseRef }: { caseRef: string }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const timeline = useQuery(trpc.caseTimeline.get.queryOptions({ caseRef }, { retry: false }));
  const heading = <PageHeading title={t('caseTimeline.title', { caseRef })} />;
  const back = (
    <p className="conf-back">
      <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
    </p>
  );
  if (timeline.isPending) {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }
  if (timeline.isError) {
    const kind = apiErrorDetails(timeline.error, ui).kind;
    // Not yours, no such case, or not a case code at all: one answer, so nothing is given away.
    const refused = kind === 'not-found' || kind === 'forbidden' || kind === 'validation';
    return (
      <>
        {heading}
        {refused ? (
          <EmptyState title={t('caseTimeline.refusedTitle')}>
            <p>{t('caseTimeline.refusedBody')}</p>
          </EmptyState>
        ) : (
          <ErrorState
            title={t('caseTimeline.loadFailed')}
            message={apiErrorDetails(timeline.error, ui).message}
            onRetry={() => void timeline.refetch()}
          />
        )}
        {back}
      </>
    );
  }
  const { conferences, nextReview } = timeline.data;
  const language = currentLanguage();
  return (
    <>
      <PageHeading title={t('caseTimeline.title', { caseRef })}>
        <p>{t('caseTimeline.intro')}</p>
      </PageHeading>
      {nextReview ? <NextReview review={nextReview} /> : null}
      {conferences.length === 0 ? (
        <EmptyState title={t('caseTimeline.emptyTitle')}>
          <p>{t('caseTimeline.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ol className="tl" aria-label={t('caseTimeline.listLabel', { caseRef })}>
          {groupByDay(conferences, language).map((group) => (
            <li key={group.key} className="tl-day">
              <h2 className="tl-day__title">
                {group.day ? <time dateTime={group.day}>{group.label}</time> : t('caseTimeline.notBooked')}
              </h2>
              <ol className="tl-day__items">
                {group.items.map((c) => (
                  <li key={c.id}>
                    <ConferenceEntry conference={c} />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {back}
    </>
  );
}

function ConferenceEntry({ conference: c }: { conference: TimelineConference }) {
  const { t } = useT();
  const language = currentLanguage();
  const titleId = `tl-${c.id}`;
  const recorded = c.decisions.length + c.actionItems.length + c.letters.length > 0;
  return (
    <article className={`tl-entry tl-entry--${c.status}`} aria-labelledby={titleId}>
      <div className="conf-item__tags">
        <span className="cm-badge">{t(kindLabelKey[c.kind])}</span>
        <span className={`cm-badge ${c.status === 'scheduled' ? '' : 'cm-badge--muted'}`}>
          {t(statusLabelKey[c.status])}
        </span>
      </div>
      <h3 id={titleId} className="tl-entry__title">
        <ConfLink href={`/conferences/${c.id}`}>{c.title}</ConfLink>
      </h3>
      <p className="tl-entry__when">
        {c.startsAt && c.endsAt ? (
          <>
            <time dateTime={isoDateTime(c.startsAt)}>
              {formatDateTimeRange(c.startsAt, c.endsAt, language, c.timezone)}
            </time>
            <span className="conf-muted"> · {c.agencyName}</span>
          </>
        ) : (
          <>
            {c.scheduleBy
              ? t('caseTimeline.bookBy', { date: formatDay(localDay(c.scheduleBy, c.timezone), language) })
              : t('caseTimeline.notBooked')}
            <span className="conf-muted"> · {c.agencyName}</span>
          </>
        )}
      </p>
      {c.decisions.length ? (
        <div className="tl-part">
          <h4>{t('caseTimeline.decisions')}</h4>
          <ul className="tl-decisions">
            {c.decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {c.actionItems.length ? (
        <div className="tl-part">
          <h4>{t('caseTimeline.actionItems')}</h4>
          <ul className="tl-items">
            {c.actionItems.map((item) => (
              <li
                key={item.id}
                className={`tl-item tl-item--${item.status}${item.overdue ? ' tl-item--overdue' : ''}`}
              >
                <span className="tl-item__title">{item.title}</span>
                <span className="tl-item__badges">
                  <span className={`cm-badge${item.status === 'open' ? '' : ' cm-badge--muted'}`}>
                    {t(actionStatusLabelKey[item.status])}
                  </span>
                  {item.overdue ? (
                    <span className="cm-badge tl-badge--overdue">{t('caseTimeline.overdue')}</span>
                  ) : null}
                </span>
                <span className="conf-muted tl-item__who">
                  {item.ownerName} ({item.ownerAgencyName}){' · '}
                  {t('caseTimeline.itemDue', { date: formatDay(item.dueOn, language) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {c.letters.length ? (
        <div className="tl-part">
          <h4>{t('caseTimeline.letters')}</h4>
          <ul className="tl-letters">
            {c.letters.map((letter) => (
              <li key={letter.id}>
                {t('caseTimeline.letterSent', {
                  recipient: letter.recipientName,
                  date: letter.sentAt ? formatDay(localDay(letter.sentAt, c.timezone), language) : '',
                })}
                {letter.sentByName ? (
                  <span className="conf-muted">
                    {' · '}
                    {t('caseTimeline.letterSentBy', { name: letter.sentByName })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!recorded && (c.status === 'held' || (c.endsAt && c.endsAt < new Date())) ? (
        <p className="conf-muted">{t('caseTimeline.nothingRecorded')}</p>
      ) : null}
    </article>
  );
}
