import { defineConfig } from 'drizzle-kit';

// Used only by `pnpm --filter @caremap/db generate`; generating needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
