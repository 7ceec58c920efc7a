/** Where Floorboard keeps its data when no --db is given: the same folder Electron's app.getPath('userData') uses. */
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRODUCT_NAME = 'Floorboard';

function userDataDir(): string {
  if (process.env.FLOORBOARD_HOME) return resolve(process.env.FLOORBOARD_HOME);
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** Real feeds and the simulated floor never share a database. */
export function defaultDbPath(simulated: boolean): string {
  return join(userDataDir(), simulated ? 'simulated.db' : 'floorboard.db');
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
