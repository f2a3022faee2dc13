import { caremapVitest } from '@caremap/config/vitest';

export default caremapVitest();
