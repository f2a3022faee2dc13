import { caremapVitest } from '@caremap/config/vitest';

// Components render in jsdom at a real-looking origin, so relative /trpc URLs resolve.
export default caremapVitest({
  environment: 'jsdom',
  environmentOptions: { jsdom: { url: 'http://localhost/' } },
});
