// Plain JavaScript on purpose: Vitest loads config files' workspace imports through Node, which
// cannot import TypeScript.
import { defineConfig } from 'vitest/config';

/**
 * Every package's Vitest config. Besides the console reporter it writes a JSON report to
 * `.reports/vitest.json`, which `pnpm test` sums into the one `N passed, N failed` line CI reads.
 * @param {import('vitest/node').TestUserConfig} [test]
 */
export function caremapVitest(test = {}) {
  return defineConfig({
    test: {
      reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
      testTimeout: 60_000,
      hookTimeout: 180_000,
      ...test,
    },
  });
}
