import type { Container } from './container';
import type { ReadNotes, RecordGroup } from './types';
export function isLegacyPackage(_c: Container): boolean {
  return false;
}
export function legacyVersion(_c: Container): string {
  return '1.1';
}
// biome-ignore lint/correctness/useYield: stub
export async function* legacyGroups(_c: Container, _n: ReadNotes | undefined): AsyncGenerator<RecordGroup> {}
