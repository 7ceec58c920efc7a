/**
 * A plain text table for the terminal: a header, a rule, one line a row; the first column (the row's name)
 * left-aligned, the figures right-aligned so their digits line up. Cells are printed as given (already
 * formatted by src/shared/format.ts), without the quotes and index column of console.table.
 */
export function textTable(rows: readonly Record<string, string>[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
