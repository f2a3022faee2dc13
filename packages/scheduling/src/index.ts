export { findSlots } from './find-slots';
export { type FeasibleStart, feasibleStarts } from './slots';
export * from './types';
