import {
  addErrorHandler,
  getAppStatus,
  type LifeCycles,
  registerApplication,
  unregisterApplication,
} from 'single-spa';
import { type MfeName, mfes } from './apps.config';

export { type MfeName, mfes };

/** The element an MFE renders into; the shell's layout renders one per MFE inside <main>. */
export const hostId = (name: MfeName) => `mfe-${name.split('/')[1]}`;

// Literal specifiers so the bundler keeps them as bare, import-map-resolved imports.
const firstLoad: Record<MfeName, () => Promise<MfeModule>> = {
  '@caremap/directory': () => import('@caremap/directory'),
  '@caremap/network': () => import('@caremap/network'),
  '@caremap/conferences': () => import('@caremap/conferences'),
};

/**
 * A failed `import()` stays failed for that URL for the life of the page, so a retry after a
 * load error asks for the same file under a new URL.
 */
function load(name: MfeName, attempt: number): Promise<LifeCycles> {
  if (attempt === 0) return firstLoad[name]() as Promise<LifeCycles>;
  const url = new URL(import.meta.resolve(name));
  url.searchParams.set('retry', String(attempt));
  return import(/* @vite-ignore */ url.href) as Promise<LifeCycles>;
}

export type Failure = { name: MfeName; kind: 'load' | 'crash' };
type Listener = () => void;

let failures: Failure[] = [];
const listeners = new Set<Listener>();
const attempts = new Map<MfeName, number>();

function setFailures(next: Failure[]) {
  failures = next;
  for (const listener of listeners) listener();
}

export const failureStore = {
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => failures,
};

function register(name: MfeName) {
  const { route } = mfes.find((mfe) => mfe.name === name)!;
  const attempt = attempts.get(name) ?? 0;
  registerApplication({
    name,
    app: () => load(name, attempt),
    activeWhen: route,
    customProps: () => ({ domElement: document.getElementById(hostId(name)) }),
  });
}

/** Registers every MFE; a failing one is reported to the layout instead of breaking the page. */
export function registerApps(): void {
  addErrorHandler((error) => {
    const name = error.appOrParcelName as MfeName;
    if (!mfes.some((mfe) => mfe.name === name)) return;
    console.error(`[shell] ${name} failed`, error);
    const kind = getAppStatus(name) === 'LOAD_ERROR' ? 'load' : 'crash';
    setFailures([...failures.filter((f) => f.name !== name), { name, kind }]);
  });
  for (const { name } of mfes) register(name);
}

/** Forget the broken app and register it afresh: single-spa then loads and mounts it again. */
export async function retry(name: MfeName): Promise<void> {
  const failure = failures.find((f) => f.name === name);
  setFailures(failures.filter((f) => f.name !== name));
  if (failure?.kind === 'load') attempts.set(name, (attempts.get(name) ?? 0) + 1);
  await unregisterApplication(name);
  register(name);
}
