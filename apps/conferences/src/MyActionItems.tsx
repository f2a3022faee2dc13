import {
  type RouterOutputs,
  useMutation,
  useQuery,
  useQueryClient,
  useSession,
  useTRPC,
} from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  Loading,
  PageHeading,
  useTranslation,
} from '@caremap/ui';
import { ConfLink } from './ConfLink';
import { formatDay } from './record/shared';
import { CaseRefLink } from './timeline/CaseRefLink';

type Item = RouterOutputs['actionItems']['mine']['items'][number];

/** /conferences/actions: my open action items, overdue first; organisers also see their agency's overdue ones. */
export function MyActionItems() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const session = useSession();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.actionItems.mine.queryOptions());
  const organises = session.user?.roles.some((r) => r.role === 'organiser') ?? false;
  const done = useMutation(
    trpc.actionItems.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.actionItems.mine.queryKey() }),
    }),
  );
  return (
    <>
      <PageHeading title={t('meetingRecord.myTitle')}>
        <p>{t('meetingRecord.myIntro')}</p>
      </PageHeading>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState
          title={t('meetingRecord.myFailed')}
          message={apiErrorDetails(mine.error, t).message}
          onRetry={() => void mine.refetch()}
        />
      ) : mine.data.items.length === 0 ? (
        <EmptyState title={t('meetingRecord.myEmptyTitle')}>
          <p>{t('meetingRecord.myEmptyBody')}</p>
        </EmptyState>
      ) : (
        <ItemList
          label={t('meetingRecord.myListLabel')}
          items={mine.data.items}
          action={(item) => (
            <Button
              variant="secondary"
              busy={done.isPending && done.variables?.actionItemId === item.id}
              aria-label={t('meetingRecord.markDoneLabel', { item: item.title })}
              onClick={() => done.mutate({ actionItemId: item.id, status: 'done' })}
            >
              {t('meetingRecord.markDone')}
            </Button>
          )}
        />
      )}
      {done.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.actionFailed')}: {apiErrorDetails(done.error, t).message}
        </p>
      ) : null}
      {organises ? <AgencyOverdue /> : null}
      <p className="conf-back">
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </p>
    </>
  );
}

function AgencyOverdue() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const overdue = useQuery(trpc.actionItems.overdue.queryOptions());
  return (
    <section aria-labelledby="rec-agency-overdue">
      <h2 id="rec-agency-overdue" className="conf-subtitle">
        {t('meetingRecord.agencyOverdueTitle')}
      </h2>
      {overdue.isPending ? (
        <Loading />
      ) : overdue.isError ? (
        <ErrorState
          title={t('meetingRecord.agencyOverdueFailed')}
          message={apiErrorDetails(overdue.error, t).message}
          onRetry={() => void overdue.refetch()}
        />
      ) : overdue.data.items.length === 0 ? (
        <p className="conf-muted">{t('meetingRecord.agencyOverdueEmpty')}</p>
      ) : (
        <ItemList label={t('meetingRecord.agencyOverdueLabel')} items={overdue.data.items} showOwner />
      )}
    </section>
  );
}

function ItemList(props: {
  label: string;
  items: Array<Omit<Item, never>>;
  action?: (item: Item) => React.ReactNode;
  showOwner?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ul className="rec-actions" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.id} className={`rec-action${item.overdue ? ' rec-action--overdue' : ''}`}>
          <div className="rec-action__main">
            <strong>{item.title}</strong>
            <span>
              {t('meetingRecord.dueOn', { date: formatDay(item.dueOn, language) })}
              {item.overdue ? <span className="rec-overdue"> {t('meetingRecord.overdue')}</span> : null}
            </span>
            <span className="conf-muted">
              {item.caseRef ? (
                <>
                  {t('meetingRecord.caseRef')}: <CaseRefLink caseRef={item.caseRef} /> ·{' '}
                </>
              ) : null}
              <ConfLink href={`/conferences/${item.conferenceId}`}>{item.conferenceTitle}</ConfLink>
              {props.showOwner
                ? ` · ${item.ownerName} · ${item.ownerAgencyName}`
                : ` · ${item.ownerAgencyName}`}
            </span>
          </div>
          {props.action?.(item)}
        </li>
      ))}
    </ul>
  );
}
