/**
 * resources/floorboard-host.service, the unit that runs the headless host on a small server, against the CLI it
 * starts: every option of its ExecStart is one `serve --help` lists (a value after each that takes one), its
 * database lies in the state folder the unit makes writable, and that command line, moved to a temporary folder
 * and a free loopback port, starts a host that stops cleanly on SIGTERM, the signal `systemctl stop` sends. Also
 * that the hardening the README promises is there. `systemd-analyze verify` is not run here (CI has no systemd).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/host';

type Unit = Map<string, Map<string, string[]>>;

/** The unit's sections and keys (a key may repeat), comments dropped and continued lines joined. */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section: Map<string, string[]> | null = null;
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      section = new Map();
      unit.set(header[1], section);
      continue;
    }
    const eq = trimmed.indexOf('=');
    expect(section, `"${trimmed}" outside a section`).not.toBeNull();
    expect(eq, `"${trimmed}" is not KEY=VALUE`).toBeGreaterThan(0);
    const key = trimmed.slice(0, eq);
    section!.set(key, [...(section!.get(key) ?? []), trimmed.slice(eq + 1).trim()]);
  }
  return unit;
}

const unit = parseUnit(readFileSync(join(ROOT, 'resources', 'floorboard-host.service'), 'utf8'));
const service = unit.get('Service')!;
const one = (key: string) => {
  const values = service.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0];
};
// no quotes or specifiers in it, so words are split on white space as systemd does
const execStart = one('ExecStart').split(/\s+/);
const workingDirectory = one('WorkingDirectory');
const stateFolder = `/var/lib/${one('StateDirectory')}`;

/** `serve --help`'s options: name -> whether it takes a value. */
function serveOptions(): Map<string, boolean> {
  // an explicit --renderer: scripts/cli.mjs builds nothing before showing the help
  const help = execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'serve', '--renderer', tmpdir(), '--help'], { cwd: ROOT, encoding: 'utf8' });
  const options = new Map<string, boolean>();
  for (const m of help.matchAll(/^ {2}(--[a-z-]+)( <[^>]+>)?/gm)) options.set(m[1], m[2] !== undefined);
  return options;
}

describe('the systemd unit of the headless host', () => {
  it('runs `serve` from the code folder, with options serve accepts, each given its value', () => {
    const [node, script, command, ...args] = execStart;
    expect(node).toMatch(/^\/.*\/node$/); // systemd before 239 wants an absolute path
    expect(relative(workingDirectory, script)).toBe(join('scripts', 'cli.mjs'));
    expect(command).toBe('serve');
    const options = serveOptions();
    expect(options.get('--db')).toBe(true); // the help was read: a check that cannot pass on an empty list
    for (let i = 0; i < args.length; i++) {
      expect(args[i], `${args[i]} where an option was expected`).toMatch(/^--/);
      expect(options.has(args[i]), `serve has no ${args[i]}`).toBe(true);
      if (options.get(args[i])) {
        expect(args[i + 1], `${args[i]} needs a value`).toMatch(/^[^-]/);
        i++;
      }
    }
  });

  it('keeps the database in the state folder, the one writable path, and serves the build made at install', () => {
    const args = execStart.slice(3);
    const value = (name: string) => args[args.indexOf(name) + 1];
    expect(value('--db').startsWith(`${stateFolder}/`)).toBe(true);
    expect(service.get('ReadWritePaths')).toEqual([stateFolder]);
    // the code folder is read-only under ProtectSystem=strict: a renderer named explicitly is never rebuilt
    expect(value('--renderer')).toBe(`${workingDirectory}/out/renderer`);
    expect(args).toContain('--no-simulate');
    expect(Number(value('--port'))).toBeGreaterThan(1023); // no capability to bind a low port
  });

  it('runs unprivileged and hardened, restarts after a failure, and starts at boot', () => {
    expect(one('User')).not.toMatch(/^(root|0)$/);
    for (const [key, value] of Object.entries({ NoNewPrivileges: 'true', ProtectSystem: 'strict', ProtectHome: 'true', PrivateTmp: 'true', Restart: 'on-failure', CapabilityBoundingSet: '' })) {
      expect(one(key), key).toBe(value);
    }
    // V8 writes the code it runs: this one would crash the host at start
    expect(service.has('MemoryDenyWriteExecute')).toBe(false);
    // the webhook secrets' file is optional ("-"), so a host with no webhook feed starts without it
    expect(one('EnvironmentFile')).toMatch(/^-\//);
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('starts a host from that command line (moved to a temporary folder) that stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floorboard-unit-'));
    const moved = execStart
      .slice(1)
      .map((word) => word.replace(workingDirectory, ROOT).replace(stateFolder, dir))
      .map((word, i, all) => (all[i - 1] === '--port' ? '0' : all[i - 1] === '--host' ? '127.0.0.1' : all[i - 1] === '--renderer' ? dir : word));
    expect(existsSync(moved[0])).toBe(true);
    const child = spawn(process.execPath, moved, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    // a command line serve refuses ends the process: said at once, with serve's reason, not after a timeout
    const serving = new Promise<void>((ok, fail) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (/real feeds only/.test(out)) ok();
      });
      void exited.then((code) => fail(new Error(`serve exited (${code}) before serving:\n${out}`)));
    });
    try {
      await serving;
      expect(out).toContain(`database: ${join(dir, 'floor.db')}`);
      // an answer comes from the event loop, after serve has set its SIGTERM handler (set just after it prints);
      // the temporary renderer folder has no page: 404
      expect((await fetch(/serving (http:\/\/\S+)/.exec(out)![1])).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/SIGTERM: stopping/);
  });
});
