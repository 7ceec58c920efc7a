/**
 * The Electron shell: one window on the same engine the headless host runs. Thin by design: it opens the
 * database where Electron keeps user data, forwards IPC calls to the dispatcher after checking the sender,
 * and relays pushes. Hardened: contextIsolation, sandbox, no nodeIntegration, CSP, no navigation or popups. As a wall
 * display (--kiosk --board NAME, or a remote host's board with --host-url and --token: kiosk.ts) it shows one board.
 */
import { app, BrowserWindow, ipcMain, Notification, powerSaveBlocker, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFloorboard, type Floorboard } from '../core/floorboard';
import { startHost, type Host } from '../server/host';
import { collectGarbage } from '../server/release-memory';
import type { PushEvents } from '../shared/api';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { IPC_CALL, IPC_PUSH } from '../shared/ipc';
import { APP_ICON } from './app-icon';
import { keepAwake, kioskBounds, kioskPlan, kioskUrl, type KioskPlan } from './kiosk';
import { notifyAlerts } from './notifications';

const args = process.argv.slice(1);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const here = dirname(fileURLToPath(import.meta.url));
const planned = kioskPlan(option);
/** A board shown full screen, this app's or a remote host's; null: the console. */
const board: KioskPlan | null = planned !== null && !('problem' in planned) ? planned : null;
let floorboard: Floorboard | null = null;
let mainWindow: BrowserWindow | null = null;
/** With --serve PORT the app also runs the headless host: webhook feeds and wallboards on the LAN. */
let host: Host | null = null;

/** better-sqlite3 built for Electron's ABI by scripts/native.mjs (npm start builds it once). */
function nativeBinding(): string | undefined {
  const p = join(app.getAppPath(), '.native', `electron-${process.versions.electron}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

/**
 * Where an export's files go: `<Documents>/Floorboard reports/<period>/` (userData where the system has no Documents
 * folder), the period's label made safe as a folder name.
 */
function reportsFolder(label: string): string {
  let base: string;
  try {
    base = app.getPath('documents');
  } catch {
    base = app.getPath('userData');
  }
  return join(base, 'Floorboard reports', label.replace(/[^A-Za-z0-9 ._-]/g, '_'));
}

/** The report worker's bundled entry (electron.vite.config.ts); run from source (tests), the core's own file. */
function reportWorker(): { file: string } | 'source' {
  const file = join(here, 'report-worker.js');
  return existsSync(file) ? { file } : 'source';
}

function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? `file://${join(here, '../renderer/index.html')}`;
}

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  if (!mainWindow || event.sender !== mainWindow.webContents) return false;
  const url = event.senderFrame?.url ?? '';
  const expected = new URL(rendererUrl());
  return expected.protocol === 'file:' ? url.startsWith('file://') : url.startsWith(expected.origin);
}

function createWindow(): BrowserWindow {
  const bounds = board === null ? null : kioskBounds(board, screen.getAllDisplays(), screen.getPrimaryDisplay());
  if (bounds?.missing) console.error(`--display ${board?.display}: not connected (${screen.getAllDisplays().length} displays); showing the board on the primary display`);
  const win = new BrowserWindow({
    ...(bounds === null ? { width: 1600, height: 1000, minWidth: 1024, minHeight: 700 } : { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, fullscreen: true }),
    title: 'Floorboard',
    icon: APP_ICON,
    kiosk: flag('--kiosk') || board !== null,
    autoHideMenuBar: true,
    backgroundColor: '#0f1419',
    webPreferences: {
      // a remote host's page gets no bridge to this process: it talks to its host like any browser
      preload: board?.remote ? undefined : join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(board === null ? rendererUrl() : kioskUrl(board, rendererUrl()));
  if (board !== null) keepAwake(win, powerSaveBlocker);
  return win;
}

app.whenReady().then(() => {
  // The built renderer carries the same policy in its meta tag; the header also covers anything else loaded.
  // Not under `electron-vite dev`, whose fast-refresh preamble is an inline script.
  if (!process.env.ELECTRON_RENDERER_URL) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  }
  session.defaultSession.setPermissionRequestHandler((_wc, permission, done) => done(permission === 'notifications'));
  if (planned !== null && 'problem' in planned) {
    console.error(planned.problem);
    app.quit();
    return;
  }
  // a remote host's board: no engine, no database, no IPC here
  if (board?.remote) {
    mainWindow = createWindow();
    return;
  }

  const simulate = !flag('--no-simulate');
  const dbPath = option('--db') ?? join(app.getPath('userData'), simulate ? 'simulated.db' : 'floorboard.db');
  floorboard = openFloorboard({
    dbPath,
    nativeBinding: nativeBinding(),
    runtime: 'electron',
    version: app.getVersion(),
    simulate: simulate ? { seed: Number(option('--seed') ?? 42), speed: Number(option('--speed') ?? 1) } : null,
    center: option('--time-zone') ? { timeZone: option('--time-zone') } : undefined,
    log: (m) => console.error(m),
    // the live floor first, the last days read behind it
    fillWeekAfterStart: true,
    afterWeekFill: collectGarbage,
    // reports are written into a folder the user can open; only the job's own folder is ever shown
    reports: { worker: reportWorker(), folderFor: (period) => reportsFolder(period.label), reveal: (file) => shell.showItemInFolder(file) },
  });
  const fb = floorboard;

  ipcMain.handle(IPC_CALL, (event, name: unknown, payload: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: { code: 'invalid-args', message: 'call from an unknown frame refused' } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'unknown-method', message: 'method name must be a string' } };
    if (board === null) return fb.dispatch(name, payload);
    // a kiosk shows on a wall what the board's screens show (its tiles; names only if it shows them), not the admin's
    const screenCaller = fb.access.screenCaller(board.board);
    if (screenCaller === null) return { ok: false, error: { code: 'refused', message: `no board named "${board.board}"` } };
    return fb.dispatch(name, payload, screenCaller);
  });
  fb.engine.subscribe((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      const screenCaller = board === null ? null : fb.access.screenCaller(board.board);
      if (board === null) mainWindow.webContents.send(IPC_PUSH, event, payload);
      else if (screenCaller !== null && event === 'floor/snapshot') mainWindow.webContents.send(IPC_PUSH, event, fb.access.viewPush(event, payload, screenCaller));
    }
    if (board !== null) return; // a wall display raises no desktop notifications
    // a standard's breach that lasted its hysteresis: a desktop notification, as the console's badge shows it
    if (event === 'alerts/fired' && Notification.isSupported()) {
      notifyAlerts(payload as PushEvents['alerts/fired'], (o) => new Notification(o), () => {
        // a click brings the console forward on the Standards screen, where the alert is acknowledged
        if (!mainWindow || mainWindow.isDestroyed()) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
        void mainWindow.webContents.executeJavaScript("location.hash = '#/standards'");
      });
    }
  });

  const servePort = option('--serve');
  if (servePort !== undefined) {
    startHost({
      engine: fb.engine,
      dispatch: fb.dispatch,
      access: fb.access,
      reports: fb.reports,
      pairing: fb.pairing,
      rendererDir: join(here, '../renderer'),
      port: Number(servePort),
      host: option('--host') ?? '127.0.0.1',
      publicUrl: option('--public-url'),
      allowHosts: args.filter((_, i) => args[i - 1] === '--allow-host'),
      trustProxy: args.filter((_, i) => args[i - 1] === '--trust-proxy'),
    }).then(
      (h) => {
        host = h;
        console.error(`Floorboard is also serving ${h.url} (webhooks on /feeds/NAME); admin login: ${h.url}?token=${fb.access.adminSecret()}`);
      },
      (e: unknown) => console.error(`--serve ${servePort}: ${(e as Error).message}`),
    );
  }

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/**
 * Quit in order: the host stops taking requests and closes its sockets first, then the engine and its database
 * close, so no request is served from a closed database; the quit is held until then and let through after.
 */
let closing: Promise<void> | null = null;
app.on('will-quit', (event) => {
  if (floorboard === null && host === null) return;
  event.preventDefault();
  closing ??= (async () => {
    try {
      await host?.close();
    } catch (e) {
      console.error(`closing the host: ${(e as Error).message}`);
    }
    host = null;
    floorboard?.close();
    floorboard = null;
    app.quit();
  })();
});
