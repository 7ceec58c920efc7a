/**
 * The desktop app as a wall display (issue 16): `--kiosk --board NAME [--display N]` shows a board full screen on the
 * Nth display (1 the first, as the system lists them; default the primary) and keeps that display awake while the
 * board shows. With `--host-url URL --token T` the board comes from another machine's host (the TV's computer is
 * rarely the feed server): no engine and no database are opened, and the remote page gets no preload, so it reaches
 * the host over HTTP and its WebSocket like any browser, never this process over IPC.
 */
import type { BrowserWindowConstructorOptions, Display, PowerSaveBlocker } from 'electron';
import { BOARD_NAME } from '../shared/boards';

export interface KioskPlan {
  board: string;
  /** 1-based; null: the primary display. */
  display: number | null;
  /** A remote host's board: its base URL and the screen's token. */
  remote: { hostUrl: string; token: string } | null;
}

/** What the flags ask for: a kiosk plan, none (the console), or why they cannot be followed. */
export function kioskPlan(option: (name: string) => string | undefined): KioskPlan | null | { problem: string } {
  const board = option('--board');
  const hostUrl = option('--host-url');
  const token = option('--token');
  if (board === undefined) return hostUrl === undefined ? null : { problem: '--host-url needs --board NAME (and --token T)' };
  if (!BOARD_NAME.test(board)) return { problem: `--board "${board.slice(0, 80)}" is not a board name` };
  const display = option('--display');
  const n = display === undefined ? null : Number(display);
  if (n !== null && !(Number.isInteger(n) && n >= 1)) return { problem: `--display ${display}: expected 1 for the first display, 2 for the second...` };
  if (hostUrl === undefined) return { board, display: n, remote: null };
  if (token === undefined) return { problem: '--host-url needs --token T, the screen\'s token (npm run cli -- boards token create BOARD)' };
  let url: URL;
  try {
    url = new URL(hostUrl);
  } catch {
    return { problem: `--host-url ${hostUrl.slice(0, 200)} is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `--host-url ${hostUrl.slice(0, 200)}: http or https only` };
  return { board, display: n, remote: { hostUrl: url.href, token } };
}

/** The board's page: the remote host's `/board/NAME?token=...`, or this app's renderer at its board route. */
export function kioskUrl(plan: KioskPlan, rendererUrl: string): string {
  if (plan.remote === null) return `${rendererUrl}#/board/${plan.board}`;
  const url = new URL(`board/${plan.board}`, plan.remote.hostUrl.endsWith('/') ? plan.remote.hostUrl : `${plan.remote.hostUrl}/`);
  url.searchParams.set('token', plan.remote.token);
  return url.href;
}

/** Where the window opens: the bounds of the display asked for (the primary when absent or not connected). */
export function kioskBounds(plan: KioskPlan, displays: Display[], primary: Display): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'> & { missing: boolean } {
  const asked = plan.display === null ? undefined : displays[plan.display - 1];
  const { x, y, width, height } = (asked ?? primary).bounds;
  return { x, y, width, height, missing: plan.display !== null && asked === undefined };
}

/** Keeps the display awake while the window shows; released when it closes. */
export function keepAwake(window: { on(event: 'closed', listener: () => void): unknown }, blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>): number {
  const id = blocker.start('prevent-display-sleep');
  window.on('closed', () => {
    if (blocker.isStarted(id)) blocker.stop(id);
  });
  return id;
}
