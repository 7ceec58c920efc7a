import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/server/**/*.test.ts', 'test/security/**/*.test.ts', 'test/main/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // every test's temporary files in one folder, removed at the end (test/helpers/temp-root.ts)
    globalSetup: ['test/helpers/temp-root.ts'],
  },
});
