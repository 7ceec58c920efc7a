/**
 * The lint rule that keeps each folder in its world (eslint.config.js) cannot pass by reporting nothing: each
 * world's forbidden imports and globals, written into a snippet linted at a path in that folder, must each be
 * reported, and the imports the world lives on must not be.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

interface World {
  /** A file that does not exist, linted as if it stood there. */
  file: string;
  forbiddenImports: string[];
  forbiddenGlobals: string[];
  allowedImports: string[];
}

const DOM = ['window', 'document', 'navigator', 'localStorage', 'location'];

const WORLDS: World[] = [
  {
    file: 'src/core/lint-probe.ts',
    forbiddenImports: ['electron', 'react', 'react-dom/client', 'echarts/core', 'fastify', '@fastify/static', 'ws', 'http', 'node:http', 'node:net', '../renderer/src/app', '../server/host', '../main/index'],
    forbiddenGlobals: DOM,
    allowedImports: ['node:fs', 'better-sqlite3', 'zod', 'luxon', '../shared/api', './model/events'],
  },
  {
    file: 'src/shared/lint-probe.ts',
    forbiddenImports: ['electron', 'react', 'fastify', 'fs', 'node:fs', 'path', 'better-sqlite3', '../core/engine', '../renderer/src/app'],
    forbiddenGlobals: DOM,
    allowedImports: ['./api', './standards'],
  },
  {
    file: 'src/server/lint-probe.ts',
    forbiddenImports: ['electron', 'react', 'react-dom', 'echarts', '@tanstack/react-table', '../renderer/src/app', '../main/index', '../cli/index'],
    forbiddenGlobals: DOM,
    allowedImports: ['fastify', '@fastify/websocket', 'node:fs', 'node:net', '../core/engine', '../shared/api'],
  },
  {
    file: 'src/main/lint-probe.ts',
    forbiddenImports: ['react', 'react-dom/client', 'echarts', '../renderer/src/app', '../cli/index'],
    forbiddenGlobals: DOM,
    allowedImports: ['electron', 'node:path', 'node:url', '../core/floorboard', '../server/host', '../shared/ipc'],
  },
  {
    file: 'src/cli/lint-probe.ts',
    forbiddenImports: ['electron', 'react', 'react-dom', 'echarts', '../renderer/src/app', '../main/index'],
    forbiddenGlobals: DOM,
    allowedImports: ['commander', 'node:fs', 'node:readline', '../core/floorboard', '../server/host', '../shared/format'],
  },
  {
    file: 'src/renderer/src/lint-probe.tsx',
    forbiddenImports: ['fs', 'path', 'child_process', 'os', 'fs/promises', 'node:fs', 'node:path', 'electron', 'better-sqlite3', 'fastify', 'ws', '../../core/engine', '../../server/host', '../../main/index'],
    forbiddenGlobals: [],
    // './events' and './path' are the renderer's own modules, not Node's 'events' and 'path'
    allowedImports: ['react', 'react-dom/client', 'echarts/core', '@tanstack/react-table', '../../shared/api', './events', './features/path'],
  },
  {
    file: 'src/preload/lint-probe.ts',
    forbiddenImports: ['fs', 'node:fs', 'better-sqlite3', 'react', '../core/engine', '../renderer/src/app'],
    forbiddenGlobals: DOM,
    allowedImports: ['electron', '../shared/api', '../shared/ipc'],
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The 1-based lines reported by `ruleId` in `code` linted as if it were `file`. */
async function reportedLines(file: string, code: string, ruleId: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.line);
}

const lineNumbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('each folder stays in its world', () => {
  it.each(WORLDS)('$file: every forbidden import is reported', async ({ file, forbiddenImports }) => {
    const code = forbiddenImports.map((spec) => `import '${spec}';`).join('\n');
    expect(await reportedLines(file, code, 'no-restricted-imports')).toEqual(lineNumbers(forbiddenImports.length));
  });

  it.each(WORLDS.filter((w) => w.forbiddenGlobals.length > 0))('$file: every DOM global is reported', async ({ file, forbiddenGlobals }) => {
    const code = forbiddenGlobals.map((name, i) => `export const g${i} = ${name};`).join('\n');
    expect(await reportedLines(file, code, 'no-restricted-globals')).toEqual(lineNumbers(forbiddenGlobals.length));
  });

  it.each(WORLDS)('$file: the imports its world lives on pass', async ({ file, allowedImports }) => {
    const code = allowedImports.map((spec) => `import '${spec}';`).join('\n');
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    expect(result.messages).toEqual([]);
  });
});
