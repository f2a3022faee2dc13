import { CareMapQueryProvider, useSession } from '@caremap/api-client';
import { Loading, PageHeading, SignInPrompt, useTranslation } from '@caremap/ui';
import { UpcomingConferences } from './UpcomingConferences';

function ConferencesPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="conf">
      <PageHeading title={t('conferences.title')}>
        <p>{t('conferences.intro')}</p>
      </PageHeading>
      {session.isLoading ? (
        <Loading />
      ) : session.user ? (
        <UpcomingConferences />
      ) : (
        <SignInPrompt
          title={t('conferences.signInTitle')}
          body={t('conferences.signInBody')}
          next="/conferences"
        />
      )}
    </div>
  );
}

export function App() {
  return (
    <CareMapQueryProvider>
      <ConferencesPage />
    </CareMapQueryProvider>
  );
}
