import { caremapVitest } from '@caremap/config/vitest';

export default caremapVitest({ globalSetup: ['./src/testing/global-setup.ts'] });
