export * from './access';
export * from './columns';
export * from './conference';
export * from './directory';
export * from './network';
