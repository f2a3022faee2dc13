import { CareMapQueryProvider, useSession } from '@caremap/api-client';
import { Loading, PageHeading, SignInPrompt, useTranslation } from '@caremap/ui';
import { Territories } from './Territories';

function NetworkPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={t('network.title')}>
        <p>{t('network.intro')}</p>
      </PageHeading>
      {session.isLoading ? (
        <Loading />
      ) : session.user ? (
        <Territories />
      ) : (
        <SignInPrompt title={t('network.signInTitle')} body={t('network.signInBody')} next="/network" />
      )}
    </div>
  );
}

export function App() {
  return (
    <CareMapQueryProvider>
      <NetworkPage />
    </CareMapQueryProvider>
  );
}
