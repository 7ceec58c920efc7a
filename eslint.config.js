// One rule set matters most here: each folder stays in its world, so no file can reach a runtime it does not run
// in. src/core and src/shared are runtime-agnostic (src/shared is also bundled into the page: no Node either);
// src/server and src/cli are Node without Electron or the DOM; src/main is Electron's main process (Node, no DOM,
// no React); src/preload is sandboxed; the renderer is the page and reaches the engine only through the Api
// contract. test/core/lint-worlds.test.ts checks that each rule below reports what it forbids.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Node's built-in modules under their bare names ('fs', 'path', 'child_process', 'fs/promises'...): exact names,
// not patterns, since a pattern 'events' would also match a relative './events'.
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const NODE = { names: NODE_BUILTINS, patterns: ['node:*', 'better-sqlite3'] };
const ELECTRON = { names: [], patterns: ['electron', 'electron/*'] };
const UI = { names: [], patterns: ['react', 'react/*', 'react-dom', 'react-dom/*', 'echarts', 'echarts/*', '@tanstack/*'] };
const SERVER = {
  names: ['http', 'https', 'http2', 'net', 'tls', 'dgram'],
  patterns: ['fastify', '@fastify/*', 'ws', 'node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram'],
};
const code = (...folders) => ({ names: [], patterns: folders.map((f) => `**/${f}/**`) });

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'Element', 'customElements', 'requestAnimationFrame'];

/** no-restricted-imports for a world: every name and pattern of the groups, with the world's reason. */
function forbid(message, ...groups) {
  return [
    'error',
    {
      paths: [...new Set(groups.flatMap((g) => g.names))].map((name) => ({ name, message })),
      patterns: [{ group: [...new Set(groups.flatMap((g) => g.patterns))], message }],
    },
  ];
}
const noDomGlobals = ['error', ...DOM_GLOBALS];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.native/**', 'test-results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid('src/core stays runtime-agnostic: no Electron, DOM, UI or server code.', ELECTRON, UI, SERVER, code('renderer', 'main', 'server', 'cli', 'preload')),
      'no-restricted-globals': noDomGlobals,
    },
  },
  {
    // The PDF report's charts: ECharts' server-side rendering makes an SVG string with no DOM (no canvas, no
    // window), so the PDF's chart files may import echarts; React and the rest of the UI stay out.
    files: ['src/core/reports/pdf-chart.ts', 'src/core/reports/pdf-heatmap.ts'],
    rules: {
      'no-restricted-imports': forbid('src/core stays runtime-agnostic: only ECharts\' server-side SVG rendering is allowed here.', ELECTRON, { names: [], patterns: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*'] }, SERVER, code('renderer', 'main', 'server', 'cli', 'preload')),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid('src/shared is imported by every world, the page included: types and plain values only, no runtime.', ELECTRON, UI, SERVER, NODE, code('core', 'renderer', 'main', 'server', 'cli', 'preload')),
      'no-restricted-globals': noDomGlobals,
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid('src/server is the headless Node host: no Electron, no DOM or React.', ELECTRON, UI, code('renderer', 'main', 'cli', 'preload')),
      'no-restricted-globals': noDomGlobals,
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid('src/cli runs in Node: no Electron, no DOM or React.', ELECTRON, UI, code('renderer', 'main', 'preload')),
      'no-restricted-globals': noDomGlobals,
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid("src/main is Electron's main process: no DOM, no React (the page is the renderer's).", UI, code('renderer', 'cli', 'preload')),
      'no-restricted-globals': noDomGlobals,
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': forbid('The renderer talks to the engine only through the Api contract (src/shared/api.ts): no Node, Electron or server code.', NODE, ELECTRON, SERVER, code('core', 'main', 'server', 'cli', 'preload')),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid('The sandboxed preload imports only electron and src/shared.', NODE, UI, SERVER, code('core', 'renderer', 'main', 'server', 'cli')),
      'no-restricted-globals': noDomGlobals,
    },
  },
);
