import { caremapVitest } from '@caremap/config/vitest';

// css: the lifecycle tests check that the real stylesheets are injected, so let Vite process them.
export default caremapVitest({ css: { include: [/.+/] } });
