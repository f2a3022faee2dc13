import { caremapVitest } from '@caremap/config/vitest';

// One browser at a time against one server: e2e files run one after another.
export default caremapVitest({
  globalSetup: ['./src/global-setup.ts'],
  fileParallelism: false,
  testTimeout: 90_000,
  hookTimeout: 300_000,
});
