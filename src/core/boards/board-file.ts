/**
 * Board files: JSON or YAML (by the file's extension, as standards files), the same document either way, checked
 * by boardSchema; its JSON Schema is docs/boards.schema.json (test/core/boards.test.ts keeps it true). A file that
 * is not JSON or YAML, or not a valid board, gives every problem at its path and no board.
 */
import YAML from 'yaml';
import { z } from 'zod';
import type { StandardsFormat } from '../standards/standards-file';
import { boardSchema, type Board } from './board';

interface BoardIssue {
  path: string;
  message: string;
}

export type ParsedBoard = { ok: true; board: Board } | { ok: false; issues: BoardIssue[] };

export function checkBoard(doc: unknown): ParsedBoard {
  const r = boardSchema.safeParse(doc);
  if (r.success) return { ok: true, board: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

export function parseBoard(text: string, format: StandardsFormat): ParsedBoard {
  try {
    return checkBoard(format === 'json' ? JSON.parse(text) : YAML.parse(text));
  } catch (e) {
    const what = format === 'json' ? 'JSON' : 'YAML';
    return { ok: false, issues: [{ path: '', message: `not ${what}: ${(e as Error).message.split('\n')[0]}` }] };
  }
}

export function serializeBoard(board: Board, format: StandardsFormat): string {
  if (format === 'json') return JSON.stringify(board, null, 2) + '\n';
  const header = '# A Floorboard wall display (schema: docs/boards.schema.json; the format: docs/boards.md).\n# Tiles sit on the page\'s grid: column and row from 1, spans in cells; no two tiles on the same cell.\n';
  return header + YAML.stringify(board);
}

/** The JSON Schema of a board file (what the file must hold, as zod checks it, less the cross-field rules). */
export function boardJsonSchema(): unknown {
  return { ...z.toJSONSchema(boardSchema, { io: 'input', unrepresentable: 'any' }), title: 'Floorboard wall display board' };
}
