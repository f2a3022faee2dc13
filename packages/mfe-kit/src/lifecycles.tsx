import { initI18n, uiCss } from '@caremap/ui';
import * as React from 'react';
import { type ComponentType, StrictMode } from 'react';
import * as ReactDOMClient from 'react-dom/client';
import singleSpaReact from 'single-spa-react';
import { MfeErrorBoundary } from './ErrorBoundary';
import { styleSheet } from './styles';

export interface LifecycleOptions {
  /** Import-map name, for messages and the <style data-caremap-mfe> marker. */
  name: string;
  rootComponent: ComponentType;
  /** The MFE's CSS as strings (`?inline` imports); injected on mount, removed on unmount. */
  css?: string | string[];
}

export interface Lifecycles {
  bootstrap: (props: object) => Promise<unknown>;
  mount: (props: object) => Promise<unknown>;
  unmount: (props: object) => Promise<unknown>;
}

/** single-spa lifecycles for one React MFE: i18n, its styles, and an error boundary around it all. */
export function createLifecycles({
  name,
  rootComponent: RootComponent,
  css = [],
}: LifecycleOptions): Lifecycles {
  const sheet = styleSheet(name, [uiCss, ...(Array.isArray(css) ? css : [css])].join('\n'));
  // Created once per MFE (createLifecycles runs at module load), not per render.
  // biome-ignore lint/correctness/noComponentHookFactories: one root component per MFE, by design
  const Root = () => (
    <StrictMode>
      <MfeErrorBoundary name={name}>
        <RootComponent />
      </MfeErrorBoundary>
    </StrictMode>
  );
  const react = singleSpaReact({
    React,
    ReactDOMClient,
    rootComponent: Root,
    // Our own boundary sits inside the root; single-spa-react's warning about it does not apply.
    suppressComponentDidCatchWarning: true,
  });
  return {
    async bootstrap(props) {
      initI18n();
      return react.bootstrap(props as never);
    },
    async mount(props) {
      sheet.attach();
      try {
        return await react.mount(props as never);
      } catch (error) {
        sheet.detach();
        throw error;
      }
    },
    async unmount(props) {
      try {
        return await react.unmount(props as never);
      } finally {
        sheet.detach();
      }
    },
  };
}
