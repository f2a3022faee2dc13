import { useTranslation } from 'react-i18next';

export function Spinner({ small = false }: { small?: boolean }) {
  return <span className={small ? 'cm-spinner cm-spinner--small' : 'cm-spinner'} aria-hidden="true" />;
}

/** A polite status region: screen readers hear "Loading…" without losing their place. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="cm-loading" role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
