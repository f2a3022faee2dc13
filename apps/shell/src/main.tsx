import { CareMapQueryProvider } from '@caremap/api-client';
import { initI18n, uiCss } from '@caremap/ui';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { start } from 'single-spa';
import { registerApps } from './apps';
import { Layout } from './Layout';
import shellCss from './shell.css?inline';

/**
 * The root config: the page's layout, the shell's own pages (home, sign-in, not found), and the
 * MFEs registered with single-spa. The MFEs start loading right away; they mount once the layout
 * has rendered the elements they mount into.
 */
initI18n();

const style = document.createElement('style');
style.dataset.caremapMfe = '@caremap/root-config';
style.textContent = `${uiCss}\n${shellCss}`;
document.head.appendChild(style);

registerApps();

function Root() {
  useEffect(() => {
    start({ urlRerouteOnly: true });
  }, []);
  return (
    <StrictMode>
      <CareMapQueryProvider>
        <Layout />
      </CareMapQueryProvider>
    </StrictMode>
  );
}

const container = document.getElementById('caremap-root');
if (!container) throw new Error('index.html has no #caremap-root');
createRoot(container).render(<Root />);
