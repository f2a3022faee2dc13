import type { ViteUserConfig } from 'vitest/config';
import type { TestUserConfig } from 'vitest/node';

export function caremapVitest(test?: TestUserConfig): ViteUserConfig;
