// @vitest-environment jsdom
import { useTranslation } from '@caremap/ui';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLifecycles } from './lifecycles';

const props = (domElement: HTMLElement) => ({
  name: '@caremap/test',
  domElement,
  singleSpa: {},
  mountParcel: () => undefined,
});

function Hello() {
  const { t } = useTranslation();
  return <h1>{t('app.name')}</h1>;
}

let boom = true;
function Fragile() {
  if (boom) throw new Error('render failed');
  return <p>recovered</p>;
}

const removed = vi.fn();
function Listener() {
  const [, setWidth] = useState(0);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      removed();
    };
  }, []);
  return null;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('createLifecycles', () => {
  it('injects its CSS on mount and removes it, and its DOM, on unmount', async () => {
    const lifecycles = createLifecycles({
      name: '@caremap/test',
      rootComponent: Hello,
      css: '.x{color:red}',
    });
    const container = document.body.appendChild(document.createElement('div'));
    await lifecycles.bootstrap(props(container));
    await lifecycles.mount(props(container));
    expect(container.textContent).toBe('CareMap');
    const style = document.head.querySelector('style[data-caremap-mfe="@caremap/test"]');
    expect(style?.textContent).toContain('.x{color:red}');
    expect(style?.textContent).toContain('.cm-button');

    await lifecycles.unmount(props(container));
    expect(document.head.querySelector('style[data-caremap-mfe]')).toBeNull();
    expect(container.innerHTML).toBe('');
  });

  it('runs effect clean-ups on unmount (no leaked listeners)', async () => {
    const lifecycles = createLifecycles({ name: '@caremap/test', rootComponent: Listener });
    const container = document.body.appendChild(document.createElement('div'));
    await lifecycles.bootstrap(props(container));
    await lifecycles.mount(props(container));
    await lifecycles.unmount(props(container));
    expect(removed).toHaveBeenCalled();
  });

  it('shows a translated "this part failed" panel with a retry instead of blanking', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lifecycles = createLifecycles({ name: '@caremap/test', rootComponent: Fragile });
    const container = document.body.appendChild(document.createElement('div'));
    await lifecycles.bootstrap(props(container));
    await lifecycles.mount(props(container));
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    expect(container.textContent).toContain('This part of the page stopped working');

    boom = false;
    container.querySelector('button')?.click();
    await vi.waitFor(() => expect(container.textContent).toBe('recovered'));
    await lifecycles.unmount(props(container));
    consoleError.mockRestore();
  });
});
