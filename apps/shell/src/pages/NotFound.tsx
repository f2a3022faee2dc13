import { Link, PageHeading, useTranslation } from '@caremap/ui';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="shell-not-found">
      <PageHeading title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
      </PageHeading>
      <Link className="cm-button cm-button--primary" href="/">
        {t('common.goHome')}
      </Link>
    </div>
  );
}
