/**
 * Multi-row INSERTs: rows written BULK_ROWS to a statement, one prepared statement per row count used, so a
 * batch's rows cost a few statements instead of one each, and never more parameters than SQLite takes.
 */
import type { Db } from './database';

/** Rows a multi-row statement writes at most (under SQLite's 32,766 parameters). */
const BULK_ROWS = 200; // x 17 columns: 3,400 parameters

export function bulkInsert(db: Db, head: string, columns: number, tail = ''): (rows: unknown[][]) => void {
  const statements = new Map<number, ReturnType<Db['prepare']>>();
  const tuple = `(${new Array(columns).fill('?').join(', ')})`;
  const statement = (n: number) => {
    let st = statements.get(n);
    if (!st) {
      st = db.prepare(`${head} ${new Array(n).fill(tuple).join(', ')}${tail}`);
      statements.set(n, st);
    }
    return st;
  };
  return (rows) => {
    for (let i = 0; i < rows.length; i += BULK_ROWS) {
      const n = Math.min(BULK_ROWS, rows.length - i);
      const params: unknown[] = new Array(n * columns);
      for (let k = 0; k < n; k++) {
        const row = rows[i + k];
        for (let c = 0; c < columns; c++) params[k * columns + c] = row[c];
      }
      statement(n).run(params);
    }
  };
}
