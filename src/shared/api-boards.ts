/**
 * The boards part of the one API contract (issue 16; src/shared/api.ts merges each part into `Api` once its handlers
 * are served): boards and their versions (BoardsCoreApi), the screens (viewer tokens bound to a board) and pairing a
 * screen by a code (BoardScreensApi).
 */
import type { Role } from './api';
import type { Board, BoardScreen, BoardVersion } from './boards';

export interface BoardListEntry {
  name: string;
  title: string;
  version: number;
  savedAt: number;
  pages: number;
  /** Screens bound to it. */
  screens: number;
}

/** A code a board shows when opened without a token: an admin enters it on the Boards screen to bind that screen. */
export interface PairingCode {
  /** Six characters from an alphabet without look-alikes ("K7M-2QX" shown with a dash). */
  code: string;
  expiresAt: number;
}

export interface PairingStatus {
  state: 'waiting' | 'paired' | 'expired';
  /** Once paired, the screen's token (given once, to the page that asked for the code) and its board. */
  token?: string;
  board?: string;
}

/** Boards and their versions (src/core/api/handlers/boards.ts). */
export interface BoardsCoreApi {
  /** Every board, with its latest version (admin). */
  'boards/list': (args: Record<string, never>) => BoardListEntry[];
  /** A board's latest version (a screen's token: its own board only). */
  'boards/get': (args: { name: string }) => BoardVersion;
  /** Save a board as its new version; a new name makes a new board (admin). Invalid: each issue at its path. */
  'boards/save': (args: { board: Board; note?: string }) => BoardVersion;
  /** Remove a board and revoke its screens (admin). `floor` can be changed, not removed. */
  'boards/remove': (args: { name: string }) => { removed: string; screensRevoked: number };
}


/** The screens bound to boards, and pairing (merged into `Api` with their handlers). */
export interface BoardScreensApi {
  /** The screens, with when each was last seen (admin). */
  'boards/screens': (args: { board?: string }) => BoardScreen[];
  /** Bind the screen showing `code` to `board` under the name `screen`: a new viewer token (admin). */
  'boards/pair': (args: { code: string; board: string; screen: string }) => BoardScreen;
  /** Revoke a screen's token: its connection closes within 5 s and it says so (admin). */
  'boards/revoke-screen': (args: { screen: string }) => { revoked: string };
}

/**
 * Asked without any credential by a board page opened without a token (bounded: few pending codes, each for 10
 * minutes, a few a minute per address): not API methods, plain routes of the host (docs/boards.md).
 */
/** The boards' roles, spread into METHOD_ROLES (a screen's token may get its board, and only its own). */
export const BOARDS_ROLES = {
  'boards/list': 'admin',
  'boards/get': 'viewer',
  'boards/save': 'admin',
  'boards/remove': 'admin',
  'boards/screens': 'admin',
  'boards/pair': 'admin',
  'boards/revoke-screen': 'admin',
} as const satisfies Record<keyof BoardsCoreApi | keyof BoardScreensApi, Role>;

export const PAIRING_ROUTES = { start: '/pair/start', status: '/pair/status' } as const;
