export { createApp, SESSION_COOKIE } from './app';
export { type Env, loadEnv } from './env';
export { createLogger } from './logger';
export { type RunningServer, startServer } from './server';
