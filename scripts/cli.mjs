#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli) in this process through tsx. `serve` needs the built renderer: it is
// built first when missing or older than its sources (unless --renderer names another build).
import { register } from 'tsx/esm/api';
import { ensureRendererBuilt } from './ensure-build.mjs';

// An explicit --renderer names a build of the caller's own: nothing to build.
if (process.argv[2] === 'serve' && !process.argv.includes('--renderer')) ensureRendererBuilt();
register();
await import('../src/cli/index.ts');
