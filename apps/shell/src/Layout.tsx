import { useTranslation } from '@caremap/ui';
import { useEffect } from 'react';
import { checkActivityFunctions } from 'single-spa';
import { AppSlots, useIsAppRoute } from './AppSlots';
import { hostId, type MfeName, mfes } from './apps';
import { Header } from './Header';
import { Home } from './pages/Home';
import { Login } from './pages/Login';
import { NotFound } from './pages/NotFound';
import { isUnder, useLocation } from './routing';

function ShellPage({ pathname }: { pathname: string }) {
  if (pathname === '/') return <Home />;
  if (pathname === '/login') return <Login />;
  return <NotFound />;
}

function usePageTitle(pathname: string, isAppRoute: boolean) {
  const { t } = useTranslation();
  const mfe = mfes.find((m) => isUnder(pathname, m.route));
  let page: string | null = null;
  if (mfe) page = t(mfe.navKey);
  else if (pathname === '/login') page = t('auth.signIn');
  else if (pathname !== '/' && !isAppRoute) page = t('notFound.title');
  const title = page ? `${page} – ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * After a client-side navigation, focus goes to the new page's heading (or <main>), as a full page
 * load would put a screen reader at the top of the new content. Not on the first load. It waits for
 * single-spa's routing event, which comes after the new MFE has mounted, and one frame more for
 * the shell's own re-render.
 */
function useFocusOnNavigation() {
  useEffect(() => {
    let lastPath = window.location.pathname;
    let frame = 0;
    const onRouted = () => {
      if (window.location.pathname === lastPath) return;
      lastPath = window.location.pathname;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const main = document.getElementById('main');
        const app = checkActivityFunctions(window.location)[0] as MfeName | undefined;
        const scope = (app && document.getElementById(hostId(app))) || main;
        const heading = scope?.querySelector<HTMLElement>('[data-page-heading]');
        (heading ?? main)?.focus();
      });
    };
    window.addEventListener('single-spa:routing-event', onRouted);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('single-spa:routing-event', onRouted);
    };
  }, []);
}

export function Layout() {
  const { pathname } = useLocation();
  const isAppRoute = useIsAppRoute();
  usePageTitle(pathname, isAppRoute);
  useFocusOnNavigation();
  return (
    <div className="shell">
      <Header />
      <main id="main" className="shell-main" tabIndex={-1}>
        {isAppRoute ? null : <ShellPage pathname={pathname} />}
        <AppSlots />
      </main>
    </div>
  );
}
