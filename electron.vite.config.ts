import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './src/shared/csp';

/** index.html's meta tag carries the policy of src/shared/csp.ts, the one the host and the shell send. */
const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'floorboard-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }],
});

// main and preload are Node/Electron bundles; the renderer is the same web app the headless host serves.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // the report worker is an entry of its own: a worker thread loads it by its file (src/main/index.ts)
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), 'report-worker': resolve(__dirname, 'src/core/reports/report-worker.ts') } },
    },
  },
  preload: {
    // A sandboxed preload cannot require npm packages or use ESM: bundle it to one CommonJS file.
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      // wall displays on the LAN download it: keep it small
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
