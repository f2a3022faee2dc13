/** The MFEs the shell mounts: import-map name, the route prefix it owns, and its nav label key. */
export const mfes = [
  { name: '@caremap/directory', route: '/find', navKey: 'nav.find' },
  { name: '@caremap/network', route: '/network', navKey: 'nav.network' },
  { name: '@caremap/conferences', route: '/conferences', navKey: 'nav.conferences' },
] as const;

export type MfeName = (typeof mfes)[number]['name'];
export const mfeSpecifiers: readonly string[] = mfes.map((mfe) => mfe.name);
