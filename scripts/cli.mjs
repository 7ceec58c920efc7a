#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli) in this process through tsx. `serve` needs the built renderer: it is
// built first when missing or older than its sources.
import { register } from 'tsx/esm/api';
import { ensureRendererBuilt } from './ensure-build.mjs';

if (process.argv[2] === 'serve') ensureRendererBuilt();
register();
await import('../src/cli/index.ts');
