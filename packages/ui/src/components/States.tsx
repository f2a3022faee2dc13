import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatApiError } from '../api-error';
import { Button } from './Button';
import { Loading } from './Loading';

type HeadingLevel = 'h1' | 'h2' | 'h3';

export function EmptyState(props: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  as?: HeadingLevel;
}) {
  const Heading = props.as ?? 'h2';
  return (
    <div className="cm-state cm-state--empty">
      <Heading className="cm-state__title">{props.title}</Heading>
      {props.children ? <div className="cm-state__body">{props.children}</div> : null}
      {props.action ? <div className="cm-state__action">{props.action}</div> : null}
    </div>
  );
}

/** An error the user can act on: what failed, why (translated), and a retry when it can help. */
export function ErrorState(props: {
  title: string;
  message?: string;
  onRetry?: () => void;
  as?: HeadingLevel;
}) {
  const { t } = useTranslation();
  const Heading = props.as ?? 'h2';
  return (
    <div className="cm-state cm-state--error" role="alert">
      <Heading className="cm-state__title">{props.title}</Heading>
      {props.message ? <p className="cm-state__body">{props.message}</p> : null}
      {props.onRetry ? (
        <div className="cm-state__action">
          <Button variant="secondary" onClick={props.onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** The part of a TanStack query result that `QueryState` reads. */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * The three states of a query in one place: a polite "Loading…", the failure (what failed, the
 * translated cause, a retry), or the children rendered with the data.
 */
export function QueryState<T>(props: {
  query: QueryLike<T>;
  /** What failed, as the error's heading ("The needs could not be loaded"). */
  failed: string;
  as?: HeadingLevel;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <ErrorState
        as={props.as}
        title={props.failed}
        message={formatApiError(query.error, t)}
        onRetry={() => void query.refetch()}
      />
    );
  return <>{props.children(query.data as T)}</>;
}
