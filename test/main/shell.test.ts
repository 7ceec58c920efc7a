/**
 * The Electron shell (src/main/index.ts) driven through a stand-in `electron` module, since the Electron binary is
 * not on CI machines: the window's hardening, the CSP header, navigation and popups denied, the IPC sender check,
 * permissions, reports written into a folder and shown by the job's id alone, and the order of shutdown (the host
 * closed before the database).
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminSecretPath } from '../../src/core/access/admin-secret';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { IPC_CALL } from '../../src/shared/ipc';

type Listener = (...args: unknown[]) => unknown;

/** What the shell did to the stand-in, for the tests to read. */
const seen = vi.hoisted(() => ({
  appListeners: new Map<string, ((...args: unknown[]) => unknown)[]>(),
  windows: [] as { options: Record<string, unknown>; url: string | null; contents: { listeners: Map<string, (...args: unknown[]) => unknown>; openHandler: (() => unknown) | null; sent: unknown[][] } }[],
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permissions: null as null | ((wc: unknown, permission: string, done: (granted: boolean) => void) => void),
  quits: 0,
  revealed: [] as string[],
}));

vi.mock('electron', () => {
  class WebContents {
    listeners = new Map<string, Listener>();
    openHandler: (() => unknown) | null = null;
    sent: unknown[][] = [];
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    setWindowOpenHandler(handler: () => unknown) {
      this.openHandler = handler;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    executeJavaScript() {
      return Promise.resolve();
    }
  }
  class BrowserWindow {
    webContents = new WebContents();
    record: (typeof seen.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: null, contents: this.webContents };
      seen.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    static getAllWindows() {
      return seen.windows;
    }
  }
  const app = {
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: Listener) => seen.appListeners.set(event, [...(seen.appListeners.get(event) ?? []), listener]),
    getPath: () => tmpdir(),
    getAppPath: () => tmpdir(),
    getVersion: () => '0.0.0-test',
    quit: () => {
      seen.quits++;
    },
  };
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => seen.ipc.set(channel, listener) },
    Notification: { isSupported: () => false },
    shell: { showItemInFolder: (path: string) => seen.revealed.push(path) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (f: typeof seen.headers) => (seen.headers = f) },
        setPermissionRequestHandler: (f: typeof seen.permissions) => (seen.permissions = f),
      },
    },
  };
});

const dbPath = join(mkdtempSync(join(tmpdir(), 'floorboard-shell-')), 'floor.db');
const argv = process.argv;
let hostUrl = '';
// the admin secret the app made beside its database at start (core/access/admin-secret.ts)
const adminSecret = () => readFileSync(adminSecretPath(dbPath), 'utf8').trim();
const hostInfo = () => fetch(new URL('api/app/info', hostUrl), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminSecret()}` }, body: '{}' });

beforeAll(async () => {
  process.argv = ['electron', 'main', '--no-simulate', '--db', dbPath, '--time-zone', 'UTC', '--serve', '0'];
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  await import('../../src/main/index');
  await vi.waitFor(() => expect(seen.windows.length).toBe(1));
  await vi.waitFor(() => expect(log.mock.calls.flat().join('\n')).toMatch(/also serving http:\/\/\S+/));
  hostUrl = /also serving (http:\/\/\S+)/.exec(log.mock.calls.flat().join('\n'))![1];
  log.mockRestore();
});
afterAll(() => {
  process.argv = argv;
});

const mainWindow = () => seen.windows[0];

describe('the Electron shell', () => {
  it('opens its one window isolated, sandboxed, without Node, with web security', () => {
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(mainWindow().url).toMatch(/^file:\/\/.*renderer[/\\]index\.html$/);
  });

  it('gives its window the app icon, a file that is there', () => {
    const icon = String(mainWindow().options.icon);
    expect(icon).toMatch(/[/\\]resources[/\\]icon\.png$/);
    expect(existsSync(icon)).toBe(true);
  });

  it('sends the one Content-Security-Policy with every response', () => {
    let headers: Record<string, string[]> = {};
    seen.headers!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-type']).toEqual(['text/html']);
  });

  it('denies navigation away from the console and every new window', () => {
    let prevented = false;
    mainWindow().contents.listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(mainWindow().contents.openHandler!()).toEqual({ action: 'deny' });
  });

  it('grants notifications and no other permission', () => {
    const granted: Record<string, boolean> = {};
    for (const p of ['notifications', 'media', 'geolocation', 'clipboard-read']) seen.permissions!(null, p, (g) => (granted[p] = g));
    expect(granted).toEqual({ notifications: true, media: false, geolocation: false, 'clipboard-read': false });
  });

  it('answers IPC calls from its own page only', async () => {
    const call = seen.ipc.get(IPC_CALL)!;
    const own = { sender: mainWindow().contents, senderFrame: { url: mainWindow().url } };
    const answer = (await call(own, 'app/info', {})) as { ok: boolean; value?: { runtime: string; dbPath: string } };
    expect(answer.ok).toBe(true);
    expect(answer.value?.runtime).toBe('electron');
    // another web contents (a window the shell did not open), or a frame of another origin in its own window
    expect(await call({ sender: {}, senderFrame: { url: mainWindow().url } }, 'app/info', {})).toMatchObject({ ok: false, error: { message: 'call from an unknown frame refused' } });
    expect(await call({ sender: mainWindow().contents, senderFrame: { url: 'https://evil.example/' } }, 'app/info', {})).toMatchObject({ ok: false });
    expect(await call(own, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('writes an export into <Documents>/Floorboard reports/<period>/ and shows that folder, by the job alone', async () => {
    const call = seen.ipc.get(IPC_CALL)!;
    const own = { sender: mainWindow().contents, senderFrame: { url: mainWindow().url } };
    const started = (await call(own, 'reports/export', { period: { week: '2026-W10' }, formats: ['csv'] })) as { ok: boolean; value: { id: string } };
    expect(started.ok).toBe(true);
    let job: { state: string; folder: string | null; files: { name: string }[] } = { state: 'running', folder: null, files: [] };
    await vi.waitFor(async () => {
      job = ((await call(own, 'reports/job', { id: started.value.id })) as { value: typeof job }).value;
      expect(job.state).toBe('done');
    }, { timeout: 30_000, interval: 50 });
    // the stand-in's Documents folder is the temporary one
    const folder = join(tmpdir(), 'Floorboard reports', '2026-W10');
    expect(job.folder).toBe(folder);
    for (const f of job.files) expect(existsSync(join(folder, f.name)), f.name).toBe(true);
    expect(readFileSync(join(folder, 'queues.csv'), 'utf8')).toMatch(/^\ufeffperiod,queue,channel,/);
    expect(await call(own, 'reports/reveal', { id: started.value.id })).toEqual({ ok: true, value: { shown: folder } });
    expect(seen.revealed).toEqual([join(folder, 'summary.csv')]);
    // no path is taken from the page: an extra field is refused, an unknown job shows nothing
    expect(await call(own, 'reports/reveal', { id: started.value.id, path: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call(own, 'reports/reveal', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(seen.revealed).toHaveLength(1);
  });

  it('on quit, closes the host, then the engine and its database, then lets the app exit', async () => {
    expect((await hostInfo()).status).toBe(200); // --serve: the headless host runs beside the window
    expect(statSync(adminSecretPath(dbPath)).mode & 0o777).toBe(0o600); // made at first start, for its owner only
    const call = seen.ipc.get(IPC_CALL)!;
    const own = { sender: mainWindow().contents, senderFrame: { url: mainWindow().url } };
    let prevented = false;
    for (const l of seen.appListeners.get('will-quit') ?? []) l({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true); // held until the host and the database are closed
    await vi.waitFor(() => expect(seen.quits).toBe(1));
    await expect(hostInfo()).rejects.toThrow(); // the host no longer listens
    // the database is closed: a call now fails instead of reading it (and logs why)
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // (standards/history reads the database on every call; a snapshot may be served from the last tick's memory)
    expect(await call(own, 'standards/history', {})).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
    // the second will-quit (from that quit) is let through
    let again = false;
    for (const l of seen.appListeners.get('will-quit') ?? []) l({ preventDefault: () => (again = true) });
    expect(again).toBe(false);
  });
});
