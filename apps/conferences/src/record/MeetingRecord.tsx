import { useMutation, useQuery, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, QueryState, useTranslation } from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { go } from '../route';
import { ActionItems } from './ActionItems';
import { Agenda } from './Agenda';
import { Attendance } from './Attendance';
import { Decisions } from './Decisions';
import { Minutes } from './Minutes';
import type { MeetingRecord as Record } from './shared';

/** The meeting-record section of the conference page. */
export function MeetingRecord({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const record = useQuery(trpc.record.get.queryOptions({ conferenceId }));
  return (
    <section className="rec" aria-labelledby="rec-title">
      <h2 id="rec-title" className="conf-subtitle">
        {t('meetingRecord.title')}
      </h2>
      <p className="conf-muted">{t('meetingRecord.intro')}</p>
      <QueryState query={record} failed={t('meetingRecord.loadFailed')}>
        {(data) => (
          <>
            {!data.canEdit ? <p className="conf-note">{t('meetingRecord.readOnly')}</p> : null}
            <Agenda record={data} />
            <Attendance record={data} />
            <Minutes record={data} />
            <Decisions record={data} />
            <ActionItems record={data} />
            <FollowUp record={data} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function FollowUp({ record }: { record: Record }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const next = useMutation(
    trpc.record.scheduleNext.mutationOptions({ onSuccess: ({ id }) => go(`/conferences/${id}`) }),
  );
  if (!record.canEdit && !record.followUp) return null;
  return (
    <section className="rec-block" aria-labelledby="rec-next">
      <h3 id="rec-next">{t('meetingRecord.followUpTitle')}</h3>
      {record.followUp ? (
        <p>
          <ConfLink href={`/conferences/${record.followUp.id}`}>{t('meetingRecord.followUpOpen')}</ConfLink>
        </p>
      ) : (
        <>
          <p className="conf-muted">
            {t('meetingRecord.followUpBody')}
            {record.kind === 'care_plan_review' ? ` ${t('meetingRecord.followUpCarePlan')}` : ''}
          </p>
          <Button
            variant="secondary"
            busy={next.isPending}
            onClick={() => next.mutate({ conferenceId: record.conferenceId })}
          >
            {t('meetingRecord.followUpButton')}
          </Button>
        </>
      )}
      {next.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.followUpFailed')}: {apiErrorDetails(next.error, t).message}
        </p>
      ) : null}
    </section>
  );
}
