// The moderation queue of public "suggest an edit" submissions: each beside the record as it is
// now; accept as proposed, edit then accept, or reject with a reason.
import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatDateTime,
  Loading,
  ScrollRegion,
} from '@caremap/ui';
import { useId, useState } from 'react';
import { useT } from '../translate';
import { fieldErrorsOf } from './Form';
import { byHandLabelKey, fieldLabelKey } from './fields';
import { entityLabelKey } from './layers';

type Item = RouterOutputs['networkRecord']['suggestions']['items'][number];

export function Moderation({ territoryId }: { territoryId: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queue = useQuery(trpc.networkRecord.suggestions.queryOptions({ territoryId }));
  const [done, setDone] = useState<string | null>(null);
  if (queue.isPending) return <Loading />;
  if (queue.isError)
    return (
      <ErrorState
        title={t('providers.queueFailed')}
        message={formatApiError(queue.error, t as never)}
        onRetry={() => void queue.refetch()}
      />
    );
  return (
    <div className="prov-queue">
      <p role="status" className="prov-status">
        {done ?? ''}
      </p>
      {queue.data.items.length === 0 ? (
        <EmptyState title={t('providers.queueEmptyTitle')}>
          <p>{t('providers.queueEmptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="prov-cards">
          {queue.data.items.map((item) => (
            <li key={item.id}>
              <SuggestionCard item={item} onDone={setDone} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SuggestionCard({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const reasonId = useId();
  const language = currentLanguage();
  const [edited, setEdited] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(item.proposed).map(([k, v]) => [k, String(v ?? '')])),
  );
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const name = String(item.current.fields.name ?? '');
  const invalidate = () => void queryClient.invalidateQueries(trpc.networkRecord.pathFilter());
  const accept = useMutation(
    trpc.networkRecord.acceptSuggestion.mutationOptions({
      onSuccess: () => {
        onDone(t('providers.accepted', { name }));
        invalidate();
      },
    }),
  );
  const reject = useMutation(
    trpc.networkRecord.rejectSuggestion.mutationOptions({
      onSuccess: () => {
        onDone(t('providers.rejected', { name }));
        invalidate();
      },
    }),
  );
  const errors = accept.isError ? fieldErrorsOf(accept.error, t) : null;
  const label = (k: string) => {
    const key = fieldLabelKey[k];
    return key ? t(key) : k;
  };
  return (
    <article className="cm-card prov-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(entityLabelKey[item.entity])}: {name}
      </h3>
      <p className="prov-meta">
        {t('providers.suggestedAt', { date: formatDateTime(new Date(item.createdAt), language) })}
        {item.submitterName || item.submitterEmail
          ? ` · ${[item.submitterName, item.submitterEmail].filter(Boolean).join(', ')}`
          : ''}
      </p>
      {item.comment ? <blockquote className="prov-comment">{item.comment}</blockquote> : null}
      <ScrollRegion className="net-table-wrap" label={t('providers.compareCaption', { name })}>
        <table className="net-table prov-diff">
          <caption className="cm-visually-hidden">{t('providers.compareCaption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('providers.colField')}</th>
              <th scope="col">{t('providers.current')}</th>
              <th scope="col">{t('providers.suggested')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.keys(item.proposed).map((k) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td>{String(item.current.fields[k] ?? t('providers.empty'))}</td>
                <td>
                  {editing ? (
                    <textarea
                      aria-label={t('providers.editValue', { field: label(k) })}
                      value={edited[k] ?? ''}
                      rows={2}
                      onChange={(e) => setEdited((v) => ({ ...v, [k]: e.target.value }))}
                    />
                  ) : (
                    <ins>{edited[k]}</ins>
                  )}
                  {errors?.fields[k] ? <p className="prov-field__error">{errors.fields[k]}</p> : null}
                </td>
              </tr>
            ))}
            {Object.entries(item.byHand).map(([k, v]) => (
              <tr key={`hand-${k}`}>
                <th scope="row">{byHandLabelKey[k] ? t(byHandLabelKey[k]!) : k}</th>
                <td>{t('providers.byHand')}</td>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {errors ? (
        <p className="prov-error" role="alert">
          {errors.message}
        </p>
      ) : null}
      {reject.isError ? (
        <p className="prov-error" role="alert">
          {formatApiError(reject.error, t as never)}
        </p>
      ) : null}
      {rejecting ? (
        <form
          className="prov-form"
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate({ suggestionId: item.id, reason });
          }}
        >
          <div className="prov-field">
            <label htmlFor={reasonId} className="prov-field__label">
              {t('providers.rejectReason')}
            </label>
            <textarea
              id={reasonId}
              value={reason}
              rows={2}
              required
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="prov-actions">
            <Button type="submit" busy={reject.isPending}>
              {t('providers.rejectConfirm')}
            </Button>
            <Button variant="quiet" onClick={() => setRejecting(false)}>
              {t('providers.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="prov-actions">
          <Button
            busy={accept.isPending}
            aria-disabled={Object.keys(item.proposed).length === 0 || undefined}
            onClick={() =>
              Object.keys(item.proposed).length &&
              accept.mutate({ suggestionId: item.id, expectedVersion: item.current.version, changes: edited })
            }
          >
            {editing ? t('providers.acceptEdited') : t('providers.accept')}
          </Button>
          {Object.keys(item.proposed).length ? (
            <Button variant="secondary" aria-pressed={editing} onClick={() => setEditing((e) => !e)}>
              {t('providers.editSuggestion')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => setRejecting(true)}>
            {t('providers.reject')}
          </Button>
        </div>
      )}
    </article>
  );
}
