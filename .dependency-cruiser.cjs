/** The dependency rules of ARCHITECTURE.md, held by a tool so a wrong import fails `pnpm lint`. */
module.exports = {
  forbidden: [
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'mfes-no-server-code',
      comment:
        'Microfrontends and the shell run in the browser: no db Node entry, drivers, Hono or server code.',
      severity: 'error',
      from: {
        path: '^(apps/(shell|directory|network|conferences)|packages/(ui|map|api-client|mfe-kit))/src',
      },
      to: {
        path: '(^packages/db/src/(?!schema/)|^packages/api/src|^apps/api/|node_modules/(postgres|@electric-sql|hono|@hono|pino|drizzle-orm/(pglite|postgres-js))/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'api-client-types-only',
      comment: 'api-client may know the router type, never its code.',
      severity: 'error',
      from: { path: '^packages/api-client/' },
      to: { path: '^packages/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-stays-http-free',
      comment: 'packages/api is pure TypeScript domain code: no Hono, no HTTP server types.',
      severity: 'error',
      from: { path: '^packages/api/src' },
      to: { path: 'node_modules/(hono|@hono)/' },
    },
    {
      name: 'db-depends-on-nothing-of-ours',
      severity: 'error',
      from: { path: '^packages/db/src' },
      to: { path: '^packages/(?!db/)' },
    },
    {
      name: 'validators-are-leaf',
      severity: 'error',
      from: { path: '^packages/validators/src' },
      to: { path: '^packages/(?!validators/)' },
    },
    {
      name: 'scheduling-is-pure',
      comment:
        'The slot finder is plain data in, plain data out: no database, driver, HTTP or other package of ours.',
      severity: 'error',
      from: { path: '^packages/scheduling/' },
      to: {
        path: '(^packages/(?!scheduling/|config/)|^apps/|node_modules/(postgres|pg|pg-boss|@electric-sql|drizzle-orm|hono|@hono|@trpc|pino|nodemailer)/)',
      },
    },
    {
      name: 'mfes-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/(shell|directory|network|conferences)/' },
      to: { path: '^apps/(?!$1/)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'not-to-unresolvable',
      comment: 'An import of a package the importing package does not declare fails here, not at run time.',
      severity: 'error',
      from: {},
      // MFEs are loaded by name through the import map at run time, not resolved at build time.
      to: {
        couldNotResolve: true,
        pathNot: ['\\?(inline|url|raw)$', '^@caremap/(root-config|directory|network|conferences)$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|\\.turbo|\\.reports)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
