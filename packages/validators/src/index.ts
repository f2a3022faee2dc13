export * from './auth';
export * from './common';
export * from './directory';
export * from './documents';
