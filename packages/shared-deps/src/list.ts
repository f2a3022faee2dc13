/**
 * THE list of browser dependencies shared through the import map.
 *
 * Everything here is loaded once per page from `/shared/` and is `external` in every MFE build, so
 * the shell and all MFEs see one instance. A package belongs here when it holds page-wide state
 * that must be a singleton (React and its hooks dispatcher, single-spa's app registry, the i18next
 * instance, React contexts created by libraries), or when it is big and used by several MFEs
 * (maplibre-gl).
 *
 * Deliberately NOT shared:
 * - superjson and zod: stateless, small, and must match the version the MFE was tested with.
 * - @trpc/server helpers: @trpc/client and @trpc/tanstack-react-query inline the few stateless
 *   helpers they use; the server package itself never reaches the browser.
 * - react/jsx-dev-runtime: MFEs are always built in production mode.
 */
export const sharedDependencies = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'single-spa',
  'single-spa-react',
  'i18next',
  'react-i18next',
  '@tanstack/react-query',
  '@trpc/client',
  '@trpc/tanstack-react-query',
  'maplibre-gl',
] as const;

export type SharedDependency = (typeof sharedDependencies)[number];
