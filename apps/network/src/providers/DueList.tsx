// "Due for verification": records of the territory never verified or verified too long ago. Review
// opens the record (its form and history); Verify is then one action.
import { useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
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
import { type Entity, entityLabelKey } from './layers';
import { RecordEditor } from './RecordEditor';

export function DueList({ territoryId }: { territoryId: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const captionId = useId();
  const language = currentLanguage();
  const due = useQuery(trpc.networkRecord.due.queryOptions({ territoryId }));
  const [open, setOpen] = useState<{ entity: Entity; id: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const verify = useMutation(
    trpc.networkRecord.verify.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.networkRecord.pathFilter()),
    }),
  );
  if (due.isPending) return <Loading />;
  if (due.isError)
    return (
      <ErrorState
        title={t('providers.dueFailed')}
        message={formatApiError(due.error, t as never)}
        onRetry={() => void due.refetch()}
      />
    );
  const items = due.data.items;
  return (
    <div className="prov-due">
      <p>{t('providers.dueIntro', { months: due.data.verifyAfterMonths })}</p>
      <p role="status" className="prov-status">
        {done ?? ''}
        {verify.isError ? formatApiError(verify.error, t as never) : ''}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t('providers.dueEmptyTitle')}>
          <p>{t('providers.dueEmptyBody')}</p>
        </EmptyState>
      ) : (
        <ScrollRegion className="net-table-wrap prov-scroll" labelledBy={captionId}>
          <table className="net-table">
            <caption id={captionId}>{t('providers.dueCaption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('providers.colName')}</th>
                <th scope="col">{t('providers.colRecord')}</th>
                <th scope="col">{t('providers.colVerified')}</th>
                <th scope="col">{t('providers.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 100).map((i) => (
                <tr key={`${i.entity}:${i.id}`}>
                  <th scope="row">{i.name}</th>
                  <td>{t(entityLabelKey[i.entity])}</td>
                  <td>
                    {i.lastVerifiedAt
                      ? formatDateTime(new Date(i.lastVerifiedAt), language)
                      : t('providers.never')}
                  </td>
                  <td className="prov-row-actions">
                    <Button variant="secondary" onClick={() => setOpen({ entity: i.entity, id: i.id })}>
                      {t('providers.review')}
                      <span className="cm-visually-hidden">: {i.name}</span>
                    </Button>
                    <Button
                      busy={verify.isPending && verify.variables?.id === i.id}
                      onClick={() =>
                        verify.mutate(
                          { entity: i.entity, id: i.id, expectedVersion: i.version },
                          { onSuccess: () => setDone(t('providers.verifiedItem', { name: i.name })) },
                        )
                      }
                    >
                      {t('providers.verify')}
                      <span className="cm-visually-hidden">: {i.name}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {open ? (
        <RecordEditor key={`${open.entity}:${open.id}`} {...open} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
