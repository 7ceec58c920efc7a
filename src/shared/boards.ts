/**
 * Wall displays' boards (issue 16): named layouts kept in SQLite with versions, each a set of pages, each page a
 * grid of tiles with spans. The core validates them (src/core/boards/), the host serves a board to its screens, the
 * renderer draws it. Types and plain values only: every world imports this file.
 */
import type { Channel } from './api';

/** What a tile shows. */
export const TILE_KINDS = [
  /** One channel's live figures (service level, waiting, longest wait) judged by its standards. */
  'channel',
  /** One queue's live figures. */
  'queue',
  /** The center's headline figures (`figures`, up to four). */
  'headline',
  /** One standard's cell: its figure and tier for one column (center, a channel, `queue:NAME`). */
  'standard',
  /** Agents by state (counts; the names only on a board that allows them). */
  'agents',
  /** The longest-waiting and at-risk contacts: as many rows as fit, then "+N more". */
  'waiting',
  /** Today's offered and service level by interval. */
  'intraday',
  /** The open alerts, one line each, scrolling when they do not fit. */
  'alerts',
  /** A supervisor's message (`text`), scrolling when it does not fit. */
  'message',
] as const;
export type TileKind = (typeof TILE_KINDS)[number];

/** The center's figures a headline tile may show. */
export const HEADLINE_FIGURES = ['service-level', 'waiting', 'longest-wait', 'answered', 'abandon-rate', 'asa', 'agents-available', 'occupancy'] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

export const BOARD_THEMES = ['dark', 'light', 'high-contrast'] as const;
export type BoardTheme = (typeof BOARD_THEMES)[number];

/** Bounds every board is checked against (the core's validator; docs/boards.md). */
export const BOARD_LIMITS = {
  nameLength: 64,
  pages: 12,
  tilesPerPage: 24,
  gridColumns: 12,
  gridRows: 12,
  dwellSeconds: { min: 5, max: 3600 },
  messageLength: 280,
  headlineFigures: 4,
} as const;

/** A board's name: its URL segment (/board/NAME) and its key. */
export const BOARD_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface BoardTile {
  kind: TileKind;
  /** Grid cell of its top-left corner, 1-based, and its spans in cells. */
  column: number;
  row: number;
  columnSpan: number;
  rowSpan: number;
  /** A title shown on the tile; by default one made from what it shows ("Voice", "Sales queue"). */
  title?: string;
  /** `channel` tiles. */
  channel?: Channel;
  /** `queue` tiles. */
  queue?: string;
  /** `standard` tiles: the standard's id and its column ('center', a channel, 'queue:NAME'). */
  standardId?: string;
  standardKey?: string;
  /** `headline` tiles. */
  figures?: HeadlineFigure[];
  /** `message` tiles. */
  text?: string;
}

export interface BoardPage {
  title: string;
  /** The grid's size. */
  columns: number;
  rows: number;
  /** Seconds this page stays before the next one (with one page: ignored). */
  dwellSeconds: number;
  tiles: BoardTile[];
}

export interface Board {
  name: string;
  title: string;
  theme: BoardTheme;
  /** Agents' names may show (otherwise pseudonyms, "Agent 12", as any viewer sees them). */
  showNames: boolean;
  /** When a standard shown on a later page breaches, jump to that page (and stay while it breaches). */
  jumpOnBreach: boolean;
  pages: BoardPage[];
}

/** A saved version of a board (every save is a new one; the latest is in force). */
export interface BoardVersion {
  name: string;
  version: number;
  savedAt: number;
  note: string | null;
  board: Board;
}

/** A screen: a viewer token bound to a board, one per TV. */
export interface BoardScreen {
  /** The token's name ("lobby tv"). */
  screen: string;
  board: string;
  createdAt: number;
  lastSeenAt: number | null;
}
