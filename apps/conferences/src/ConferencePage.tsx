import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  ErrorState,
  formatDateTimeRange,
  formatNumber,
  isoDateTime,
  Loading,
  PageHeading,
  useTranslation,
} from '@caremap/ui';
import { useEffect, useRef, useState } from 'react';
import { ConfLink } from './ConfLink';
import { LettersPanel } from './LettersPanel';
import { kindLabelKey, partstatLabelKey, roleLabelKey } from './labels';
import { Proposals } from './Proposals';
import { FamilyPhases } from './phases/FamilyPhases';
import { MeetingRecord } from './record/MeetingRecord';
import { CaseRefLink } from './timeline/CaseRefLink';
import { viewerZone } from './zone';

type Detail = RouterOutputs['conference']['get'];

export function ConferencePage({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const detail = useQuery(trpc.conference.get.queryOptions({ conferenceId }));
  const [rescheduling, setRescheduling] = useState(false);
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <>
        <PageHeading title={t('conferences.detailFailed')} />
        <ErrorState
          title={t('conferences.detailFailed')}
          message={apiErrorDetails(detail.error, t).message}
          onRetry={() => void detail.refetch()}
        />
        <p>
          <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
        </p>
      </>
    );
  }
  const conf = detail.data;
  const choosing = conf.canEdit && (conf.status === 'draft' || (conf.status === 'scheduled' && rescheduling));
  return (
    <>
      <PageHeading title={conf.title}>
        <p className="conf-item__tags">
          <span className="cm-badge">{t(kindLabelKey[conf.kind])}</span>
          <span className="cm-badge cm-badge--muted">{t(statusKey(conf.status))}</span>
          {conf.caseRef ? <CaseRefLink caseRef={conf.caseRef} /> : null}
        </p>
      </PageHeading>
      {choosing ? (
        <Proposals
          conference={conf}
          mode={conf.status === 'draft' ? 'book' : 'reschedule'}
          onDone={() => setRescheduling(false)}
          onBack={conf.status === 'scheduled' ? () => setRescheduling(false) : undefined}
        />
      ) : (
        <ConferenceDetail conference={conf} onReschedule={() => setRescheduling(true)} />
      )}
      {conf.kind === 'family_conference' ? <FamilyPhases conferenceId={conf.id} /> : null}
      {!choosing && conf.status !== 'cancelled' && conf.status !== 'draft' ? (
        <MeetingRecord conferenceId={conf.id} />
      ) : null}
      {!choosing && conf.status !== 'draft' && conf.caseRef ? <LettersPanel conferenceId={conf.id} /> : null}
      <p className="conf-back">
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </p>
    </>
  );
}

function statusKey(status: Detail['status']) {
  return {
    draft: 'conferences.statusDraft',
    scheduled: 'conferences.statusScheduled',
    held: 'conferences.statusHeld',
    cancelled: 'conferences.statusCancelled',
  }[status] as 'conferences.statusDraft';
}

function ConferenceDetail({
  conference: conf,
  onReschedule,
}: {
  conference: Detail;
  onReschedule: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = viewerZone();
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="conf-detail">
      {conf.status === 'cancelled' ? (
        <p className="conf-note conf-note--muted">{t('conferences.cancelledNote')}</p>
      ) : null}
      {conf.status === 'draft' ? <p className="conf-note">{t('conferences.draftNote')}</p> : null}
      <dl className="conf-facts">
        <div>
          <dt>{t('conferences.detailWhen')}</dt>
          <dd>
            {conf.startsAt && conf.endsAt ? (
              <>
                <time dateTime={isoDateTime(conf.startsAt)}>
                  {formatDateTimeRange(conf.startsAt, conf.endsAt, language, conf.timezone)}
                </time>
                <span className="conf-muted"> · {t('conferences.inZone', { zone: conf.timezone })}</span>
                {mine !== conf.timezone ? (
                  <span className="conf-other-zone">
                    {t('conferences.yourTime', {
                      zone: mine,
                      when: formatDateTimeRange(conf.startsAt, conf.endsAt, language, mine),
                    })}
                  </span>
                ) : null}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('conferences.detailWhere')}</dt>
          <dd>
            {conf.room ? conf.room.name : conf.online ? t('conferences.online') : '—'}
            {conf.locationNote ? <span className="conf-other-zone">{conf.locationNote}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('conferences.fieldAgency')}</dt>
          <dd>{conf.agency.name}</dd>
        </div>
        <div>
          <dt>{t('conferences.detailOrganiser')}</dt>
          <dd>{conf.organiser.displayName}</dd>
        </div>
      </dl>

      <h2 className="conf-subtitle">{t('conferences.participantsTable')}</h2>
      <ul className="conf-people" aria-label={t('conferences.participantsTable')}>
        {conf.participants.map((p) => (
          <li key={p.id} className="conf-person">
            <div>
              <strong>{p.displayName}</strong>
              <span className="conf-muted">
                {' · '}
                {t(roleLabelKey[p.role])}
                {p.agencyName ? ` · ${p.agencyName}` : ''}
                {' · '}
                {t(p.attendance === 'required' ? 'conferences.required' : 'conferences.optional')}
              </span>
            </div>
            <span className={`conf-partstat conf-partstat--${p.partstat}`}>
              {t(partstatLabelKey[p.partstat])}
            </span>
          </li>
        ))}
      </ul>

      {conf.canEdit && conf.status === 'scheduled' ? (
        <div className="conf-actions">
          <Button variant="secondary" onClick={onReschedule}>
            {t('conferences.reschedule')}
          </Button>
          <button
            type="button"
            className="cm-button cm-button--secondary"
            ref={cancelButton}
            onClick={() => setConfirming(true)}
          >
            {t('conferences.cancelConference')}
          </button>
          <ConfLink href="/conferences/outbox">{t('conferences.outboxLink')}</ConfLink>
        </div>
      ) : null}
      {!conf.canEdit ? <p className="conf-muted">{t('conferences.readOnlyNote')}</p> : null}
      {confirming ? (
        <CancelDialog
          conferenceId={conf.id}
          onClose={() => {
            setConfirming(false);
            cancelButton.current?.focus();
          }}
        />
      ) : null}
      {conf.status === 'scheduled' && conf.canEdit ? (
        <p className="conf-muted">
          {t('conferences.scheduledNote', {
            count: conf.participants.length,
            n: formatNumber(conf.participants.length, language),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** "Cancel this conference?" as a modal dialog: focus inside, Escape or "No" closes it. */
function CancelDialog({ conferenceId, onClose }: { conferenceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keep = useRef<HTMLButtonElement>(null);
  const cancel = useMutation(
    trpc.conference.cancel.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.conference.get.queryKey({ conferenceId }) });
        await queryClient.invalidateQueries({ queryKey: trpc.conference.upcoming.queryKey() });
        onClose();
      },
    }),
  );
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="conf-dialog-backdrop">
      <div
        className="conf-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conf-cancel-title"
        aria-describedby="conf-cancel-body"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Tab') {
            // Keep Tab inside the dialog.
            const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('button')];
            const first = buttons[0];
            const last = buttons.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h2 id="conf-cancel-title">{t('conferences.cancelConfirmTitle')}</h2>
        <p id="conf-cancel-body">{t('conferences.cancelConfirmBody')}</p>
        {cancel.isError ? (
          <p className="conf-form__alert" role="alert">
            {t('conferences.cancelFailed')}: {apiErrorDetails(cancel.error, t).message}
          </p>
        ) : null}
        <div className="conf-actions">
          <button type="button" className="cm-button cm-button--secondary" ref={keep} onClick={onClose}>
            {t('conferences.cancelKeep')}
          </button>
          <Button busy={cancel.isPending} onClick={() => cancel.mutate({ conferenceId })}>
            {cancel.isPending ? t('conferences.cancelling') : t('conferences.cancelConfirm')}
          </Button>
        </div>
      </div>
    </div>
  );
}
