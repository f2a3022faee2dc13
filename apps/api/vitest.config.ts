import { caremapVitest } from '@caremap/config/vitest';

export default caremapVitest({ globalSetup: ['../../packages/db/src/testing/global-setup.ts'] });
