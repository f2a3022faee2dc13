// For component tests (jsdom): a fresh React root per test in a container on the page, with the
// catalogs loaded and the language set, torn down with any stubbed globals afterwards.
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { changeLanguage, initI18n, type Language } from './i18n';

export function setupReactRoot(language: Language = 'en'): {
  readonly root: Root;
  readonly container: HTMLElement;
} {
  let root: Root | undefined;
  let container: HTMLElement | undefined;
  beforeAll(() => {
    initI18n();
  });
  beforeEach(async () => {
    await changeLanguage(language);
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });
  afterEach(() => {
    root?.unmount();
    container?.remove();
    vi.unstubAllGlobals();
  });
  return {
    get root() {
      if (!root) throw new Error('setupReactRoot().root read outside a test');
      return root;
    },
    get container() {
      if (!container) throw new Error('setupReactRoot().container read outside a test');
      return container;
    },
  };
}
