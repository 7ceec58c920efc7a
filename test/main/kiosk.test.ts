/**
 * The Electron shell as a wall display, through a stand-in `electron` module (test/main/shell.test.ts's way): a
 * board of this app full screen on the display asked for, kept awake while it shows; a remote host's board with no
 * engine, no database and no preload; and the flags it refuses.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { kioskPlan } from '../../src/main/kiosk';
import { IPC_CALL } from '../../src/shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const seen = vi.hoisted(() => ({
  appListeners: new Map<string, ((...args: unknown[]) => unknown)[]>(),
  windows: [] as { options: Record<string, unknown>; url: string | null; listeners: Map<string, () => void>; contents: unknown }[],
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  blockers: { started: [] as string[], stopped: [] as number[] },
  quits: 0,
}));

vi.mock('electron', () => {
  class WebContents {
    on() {}
    setWindowOpenHandler() {}
    send() {}
  }
  class BrowserWindow {
    webContents = new WebContents();
    record: (typeof seen.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: null, listeners: new Map(), contents: this.webContents };
      seen.windows.push(this.record);
    }
    on(event: string, listener: () => void) {
      this.record.listeners.set(event, listener);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    static getAllWindows() {
      return seen.windows;
    }
  }
  const display = (id: number, x: number, width: number, height: number) => ({ id, bounds: { x, y: 0, width, height } });
  const displays = [display(1, 0, 1920, 1080), display(2, 1920, 3840, 2160)];
  return {
    app: {
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) => seen.appListeners.set(event, [...(seen.appListeners.get(event) ?? []), listener]),
      getPath: () => tmpdir(),
      getAppPath: () => tmpdir(),
      getVersion: () => '0.0.0-test',
      quit: () => void seen.quits++,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => seen.ipc.set(channel, listener) },
    Notification: { isSupported: () => false },
    shell: { showItemInFolder: () => {} },
    screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] },
    powerSaveBlocker: {
      start: (type: string) => seen.blockers.started.push(type) - 1,
      stop: (id: number) => void seen.blockers.stopped.push(id),
      isStarted: (id: number) => !seen.blockers.stopped.includes(id),
    },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
  };
});

const argv = process.argv;
afterAll(() => {
  process.argv = argv;
});

async function startShell(...args: string[]) {
  seen.windows.length = 0;
  seen.ipc.clear();
  vi.resetModules();
  process.argv = ['electron', 'main', ...args];
  await import('../../src/main/index');
  await vi.waitFor(() => expect(seen.windows.length).toBe(1));
  return seen.windows[0];
}

async function quit() {
  for (const l of seen.appListeners.get('will-quit') ?? []) l({ preventDefault: () => {} });
  seen.appListeners.clear();
}

describe('the kiosk', () => {
  it('shows this app\'s board full screen on the display asked for, and keeps it awake while it shows', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'floorboard-kiosk-')), 'floor.db');
    const win = await startShell('--no-simulate', '--db', dbPath, '--time-zone', 'UTC', '--kiosk', '--board', 'lobby', '--display', '2');
    expect(win.options).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160, kiosk: true, fullscreen: true });
    // the app icon, as the console's window has it (its taskbar entry while the board shows)
    expect(existsSync(String(win.options.icon))).toBe(true);
    expect(win.url).toMatch(/^file:\/\/.*renderer[/\\]index\.html#\/board\/lobby$/);
    // its page is not the admin: it sees what the board's screens see (here no such board is stored: nothing)
    const call = seen.ipc.get(IPC_CALL)!;
    const own = { sender: win.contents, senderFrame: { url: win.url } };
    expect(await call(own, 'floor/snapshot', {})).toMatchObject({ ok: false, error: { message: 'no board named "lobby"' } });
    expect(seen.blockers.started).toEqual(['prevent-display-sleep']);
    win.listeners.get('closed')!();
    expect(seen.blockers.stopped).toEqual([0]);
    await quit();
  });

  it('opens a remote host\'s board with no engine, no database and no preload', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'floorboard-kiosk-')), 'never.db');
    const win = await startShell('--db', dbPath, '--board', 'lobby', '--host-url', 'http://10.0.0.5:4400', '--token', 'fbv_screen', '--display', '7');
    expect(win.url).toBe('http://10.0.0.5:4400/board/lobby?token=fbv_screen');
    expect((win.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(win.options).toMatchObject({ x: 0, width: 1920, kiosk: true }); // display 7 is not connected: the primary
    expect(seen.ipc.size).toBe(0);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('refuses flags it cannot follow', () => {
    const plan = (flags: Record<string, string>) => kioskPlan((name) => flags[name]);
    expect(plan({})).toBeNull();
    expect(plan({ '--board': 'Lobby!' })).toEqual({ problem: '--board "Lobby!" is not a board name' });
    expect(plan({ '--board': 'lobby', '--display': '0' })).toMatchObject({ problem: expect.stringMatching(/1 for the first display/) });
    expect(plan({ '--host-url': 'http://h:4400' })).toMatchObject({ problem: expect.stringMatching(/needs --board/) });
    expect(plan({ '--board': 'lobby', '--host-url': 'http://h:4400' })).toMatchObject({ problem: expect.stringMatching(/needs --token/) });
    expect(plan({ '--board': 'lobby', '--host-url': 'file:///etc', '--token': 't' })).toMatchObject({ problem: expect.stringMatching(/http or https only/) });
  });
});
