import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

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
