export * from './auth';
export * from './common';
export * from './conference';
export * from './directory';
export * from './documents';
export * from './hsds-records';
export * from './search';
export * from './taxonomy';
