import { caremapVitest } from '@caremap/config/vitest';

export default caremapVitest({ globalSetup: ['../db/src/testing/global-setup.ts'] });
