#!/usr/bin/env node
// better-sqlite3 is a native module, and Node and Electron have different ABIs. We keep one build per
// runtime so `npm test` (Node) and `npm start` (Electron) both work, in either order, without rebuilding
// back and forth:
//   - node:     node_modules/better-sqlite3/build/Release (what npm install builds); rebuilt if it fails to load;
//   - electron: .native/electron-<version>-<platform>-<arch>/better_sqlite3.node, built from a copy of the
//               package (prebuilt download if one exists, else node-gyp against Electron's headers); the main
//               process passes it to better-sqlite3 as `nativeBinding`.
// Usage: node scripts/native.mjs ensure node|electron
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = join(root, 'node_modules', 'better-sqlite3');

export function electronBindingPath(version, platform = process.platform, arch = process.arch) {
  return join(root, '.native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

function loadsInNode() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (e) {
    console.error(`better-sqlite3 does not load in Node ${process.version}: ${e.message.split('\n')[0]}`);
    return false;
  }
}

function ensureNode() {
  if (loadsInNode()) return;
  console.error('Rebuilding better-sqlite3 for Node...');
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  if (!loadsInNode()) process.exit(1);
}

function ensureElectron() {
  const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  const target = electronBindingPath(electronPkg.version);
  if (existsSync(target)) return;
  const work = join(root, '.native', 'build-tmp');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  // A machine-wide nodedir (set for Node builds) would make node-gyp use Node's headers instead of Electron's.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];
  console.error(`Building better-sqlite3 for Electron ${electronPkg.version} (once)...`);
  try {
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronPkg.version, '--arch', process.arch], { cwd: work, env, stdio: 'inherit' });
  } catch {
    execFileSync(
      process.execPath,
      [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronPkg.version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, env, stdio: 'inherit' },
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  console.error(`better-sqlite3 for Electron: ${target}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, runtime] = process.argv.slice(2);
  if (cmd !== 'ensure' || !['node', 'electron'].includes(runtime)) {
    console.error('usage: node scripts/native.mjs ensure node|electron');
    process.exit(2);
  }
  if (!existsSync(pkgDir)) process.exit(0); // during the very first install, before dependencies exist
  if (runtime === 'node') ensureNode();
  else ensureElectron();
}
