/**
 * Vitest's and Playwright's global setup: every test's temporary files go into one folder of this run (TMPDIR,
 * which os.tmpdir() reads and the test processes and the hosts they start inherit), removed when the run ends,
 * passed or failed. Tests make a folder for each database they open and few remove theirs: a few hundred runs had
 * left 5,400 folders and 61 GB in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'floorboard-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
