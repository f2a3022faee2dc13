/// <reference types="vite/client" />

// The MFEs are separate deployments, resolved by the browser through the import map. The shell
// only knows their single-spa lifecycles.
type MfeLifecycle = (props: import('single-spa').AppProps) => Promise<unknown>;
interface MfeModule {
  bootstrap: MfeLifecycle | MfeLifecycle[];
  mount: MfeLifecycle | MfeLifecycle[];
  unmount: MfeLifecycle | MfeLifecycle[];
}
declare module '@caremap/directory' {
  const lifecycles: MfeModule;
  export = lifecycles;
}
declare module '@caremap/network' {
  const lifecycles: MfeModule;
  export = lifecycles;
}
declare module '@caremap/conferences' {
  const lifecycles: MfeModule;
  export = lifecycles;
}
