import { CareMapQueryProvider, useSession } from '@caremap/api-client';
import { Link, Loading, PageHeading, SignInPrompt, useTranslation } from '@caremap/ui';
import { useEffect, useState } from 'react';
import { Coverage } from './Coverage';
import { HsdsImport } from './HsdsImport';
import { ProviderImportRoute } from './import/ProviderImport';
import { Needs } from './Needs';
import { NewTerritory } from './NewTerritory';
import { ProvidersLink, ProvidersRoute } from './providers/Route';
import { Territories } from './Territories';
import { TerritoryPage } from './TerritoryPage';
import { useT } from './translate';

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

/** /network/import, /coverage, /providers, /needs, /territories/<id|new>; else the territories page. */
function ImportRoute() {
  const session = useSession();
  return session.isLoading ? <Loading /> : <HsdsImport user={session.user} />;
}

function NetworkPage() {
  const { t } = useTranslation();
  const { t: tn } = useT();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={t('network.title')}>
        <p>{t('network.intro')}</p>
        {session.user ? (
          <ul className="net-links">
            <li>
              <ProvidersLink />
            </li>
            <li>
              <Link href="/network/coverage">{tn('coverage.link')}</Link>
            </li>
            <li>
              <Link href="/network/needs">{tn('needs.link')}</Link>
            </li>
            {session.user.roles.some((r) => r.role === 'coordinator' || r.role === 'admin') && (
              <li>
                <Link href="/network/import">{t('hsdsImport.link')}</Link>
              </li>
            )}
          </ul>
        ) : null}
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

/** /network/territories/new and /network/territories/<id>: signed-in pages of the territories. */
function TerritoryRoute({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!session.user)
    return (
      <SignInPrompt
        title={t('network.signInTitle')}
        body={t('network.signInBody')}
        next={window.location.pathname}
      />
    );
  return id === 'new' ? <NewTerritory /> : <TerritoryPage territoryId={id} />;
}

function Routes() {
  const path = usePath().replace(/\/+$/, '');
  if (path === '/network/import') return <ImportRoute />;
  if (path === '/network/coverage') return <Coverage />;
  if (path === '/network/providers') return <ProvidersRoute />;
  if (path === '/network/providers/import') return <ProviderImportRoute />;
  if (path === '/network/needs') return <Needs />;
  const territory = /^\/network\/territories\/([0-9a-f-]{36}|new)$/i.exec(path);
  if (territory) return <TerritoryRoute id={territory[1]!} />;
  return <NetworkPage />;
}

export function App() {
  return (
    <CareMapQueryProvider>
      <Routes />
    </CareMapQueryProvider>
  );
}
