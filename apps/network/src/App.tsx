import { CareMapQueryProvider, useSession } from '@caremap/api-client';
import { Link, Loading, PageHeading, SignInPrompt, useTranslation } from '@caremap/ui';
import { useEffect, useState } from 'react';
import { HsdsImport } from './HsdsImport';
import { ProvidersLink, ProvidersRoute } from './providers/Route';
import { Territories } from './Territories';

/** The path, followed through single-spa's navigations (it fires popstate). */
function usePath() {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener('single-spa:routing-event', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('single-spa:routing-event', update);
    };
  }, []);
  return path;
}

/** /network/import (HSDS upload); everything else under /network is the territories page. */
function ImportRoute() {
  const session = useSession();
  return session.isLoading ? <Loading /> : <HsdsImport user={session.user} />;
}

function NetworkPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={t('network.title')}>
        <p>{t('network.intro')}</p>
        {session.user ? (
          <p>
            <ProvidersLink />
          </p>
        ) : null}
        {session.user?.roles.some((r) => r.role === 'coordinator' || r.role === 'admin') && (
          <p>
            <Link href="/network/import">{t('hsdsImport.link')}</Link>
          </p>
        )}
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

function Routes() {
  const path = usePath();
  const route = path.replace(/\/+$/, '');
  if (route === '/network/providers') return <ProvidersRoute />;
  return route === '/network/import' ? <ImportRoute /> : <NetworkPage />;
}

export function App() {
  return (
    <CareMapQueryProvider>
      <Routes />
    </CareMapQueryProvider>
  );
}
