#!/usr/bin/env node
// npm start: open the desktop console on the simulated floor. Needs Electron's binary; where it could not be
// downloaded, say so in one line and point to the browser console.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let binary = null;
try {
  binary = require('electron'); // the path of the binary, or a throw when it was never downloaded
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error("Electron's binary is not installed on this machine (its download was skipped or blocked): run `npm run serve` to open the console in a browser instead.");
  process.exit(1);
}
execFileSync(process.execPath, [join(root, 'scripts', 'native.mjs'), 'ensure', 'electron'], { stdio: 'inherit' });
const child = spawn(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
