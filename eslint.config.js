// One rule set matters most here: each folder stays in its world. src/core is runtime-agnostic
// (no Electron, no DOM, no server); the renderer reaches the engine only through the Api contract.
import tseslint from 'typescript-eslint';

const SERVER_OR_ELECTRON = ['electron', 'fastify', '@fastify/*', 'ws', 'http', 'https', 'node:http', 'node:https', 'node:net', 'react', 'react-dom', 'echarts'];

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
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: SERVER_OR_ELECTRON, message: 'src/core and src/shared stay runtime-agnostic: no Electron, DOM, UI or server code.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement'],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', 'electron', 'better-sqlite3', 'node:*'], message: 'The renderer talks to the engine only through the Api contract (src/shared/api.ts).' }] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', 'better-sqlite3', 'node:*'], message: 'The sandboxed preload imports only electron and src/shared.' }] }],
    },
  },
);
