/** A tuple of N strings: the cells of one row. */
export type Cells<N extends number, T extends string[] = []> = T['length'] extends N
  ? T
  : Cells<N, [...T, string]>;

/**
 * The rows of a `a | b | c` text table, one per line, each checked to have exactly `columns`
 * non-empty cells, so a typo in a hand-kept table fails loudly at load.
 */
export function pipeRows<N extends number>(table: string, columns: N, what: string): Cells<N>[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length !== columns || cells.some((c) => c === ''))
        throw new Error(`bad ${what} line: ${line}`);
      return cells as Cells<N>;
    });
}
