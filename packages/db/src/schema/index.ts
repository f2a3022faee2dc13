export * from './access';
export * from './columns';
export * from './conference';
export * from './directory';
export * from './directory-details';
export * from './network';
export * from './search';
export * from './suggestion';
