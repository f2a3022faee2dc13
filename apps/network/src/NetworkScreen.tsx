import { type RouterOutputs, useQuery, useSession, useTRPC } from '@caremap/api-client';
import {
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  Loading,
  PageHeading,
  SignInPrompt,
} from '@caremap/ui';
import type { ReactNode } from 'react';
import { useT } from './translate';

export type Territory = RouterOutputs['territory']['mine']['items'][number];
export type TermGroup = RouterOutputs['taxonomy']['terms'][number];

/** A /network screen behind sign-in: its heading, then the content or the sign-in prompt. */
export function SignedInNetworkPage({
  title,
  intro,
  next,
  children,
}: {
  title: string;
  intro: string;
  next: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={title}>
        <p>{intro}</p>
      </PageHeading>
      {session.isLoading ? (
        <Loading />
      ) : session.user ? (
        children
      ) : (
        <SignInPrompt title={t('network.signInTitle')} body={t('network.signInBody')} next={next} />
      )}
    </div>
  );
}

/**
 * The caller's territories and the service types, with the loading, error and "no territory" states
 * every territory screen shares; `children` renders once both are there.
 */
export function WithTerritoriesAndTerms({
  loadFailed,
  children,
}: {
  loadFailed: string;
  children: (territories: Territory[], groups: TermGroup[]) => ReactNode;
}) {
  const { t } = useT();
  const trpc = useTRPC();
  const territories = useQuery(trpc.territory.mine.queryOptions());
  const groups = useQuery(trpc.taxonomy.terms.queryOptions({ language: currentLanguage() }));
  if (territories.isPending || groups.isPending) return <Loading />;
  if (territories.isError || groups.isError)
    return (
      <ErrorState
        title={loadFailed}
        message={formatApiError((territories.error ?? groups.error)!, t as never)}
        onRetry={() => {
          void territories.refetch();
          void groups.refetch();
        }}
      />
    );
  if (territories.data.items.length === 0)
    return (
      <EmptyState title={t('network.emptyTitle')}>
        <p>{t('network.emptyBody')}</p>
      </EmptyState>
    );
  return <>{children(territories.data.items, groups.data)}</>;
}
