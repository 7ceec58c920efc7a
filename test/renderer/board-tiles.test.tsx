// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FloorSnapshot } from '../../src/shared/api';
import { BOARD_THEMES, HEADLINE_FIGURES, TILE_KINDS, type BoardTile } from '../../src/shared/boards';
import { applyBoardTheme } from '../../src/renderer/src/features/board/board-theme';
import type { StandardResult } from '../../src/shared/standards';
import { BoardPageView } from '../../src/renderer/src/features/board/board-page';
import { rowsThatFit, visibleRows } from '../../src/renderer/src/features/board/use-fit-rows';
import { floorBoard } from './board-fixtures';
import { channelLive, agent, NOW, snapshot } from './fixtures';

// ECharts needs a canvas, which happy-dom lacks
vi.mock('../../src/renderer/src/features/board/intraday-tile', () => ({
  IntradayTile: () => <article data-testid="board-tile-intraday" />,
}));

afterEach(cleanup);

const tile = (over: Partial<BoardTile> & Pick<BoardTile, 'kind'>): BoardTile => ({ column: 1, row: 1, columnSpan: 1, rowSpan: 1, ...over });

function renderTiles(tiles: BoardTile[], s: FloorSnapshot = snapshot(), showNames = false) {
  const board = floorBoard({ showNames });
  return render(<BoardPageView board={board} page={{ title: 'T', columns: 4, rows: 3, dwellSeconds: 30, tiles }} snapshot={s} />);
}

const result = (over: Partial<StandardResult>): StandardResult => ({
  standardId: 'sl',
  key: 'voice',
  channel: 'voice',
  queue: null,
  figure: 0.5,
  status: 'breach',
  attainment: 0.6,
  basis: '50 of 100 within 20s',
  volume: 100,
  windowStart: NOW - 3600_000,
  windowEnd: NOW,
  ...over,
});

function withResults(results: StandardResult[], over: Partial<FloorSnapshot> = {}): FloorSnapshot {
  const base = snapshot(over);
  return {
    ...base,
    standards: {
      at: NOW,
      version: 1,
      results,
      definitions: { sl: { name: 'Voice SL', metric: 'service-level' }, frt: { name: 'Chat first response', metric: 'first-response-time' } },
      channels: [],
      consistencyIndex: null,
      atRisk: [],
      notReadyByReason: [],
      hours: [],
      worst: null,
      staffing: [],
    },
  };
}

describe('board tiles', () => {
  it('a channel tile: service level big, waiting, longest wait, and "on target" by the fixed targets', () => {
    renderTiles([tile({ kind: 'channel', channel: 'voice' })]);
    const t = screen.getByTestId('board-tile-channel');
    expect(within(t).getByTestId('board-sl').textContent).toBe('82%SL today');
    expect(within(t).getByTestId('board-waiting').textContent).toBe('3');
    expect(within(t).getByTestId('board-longest').textContent).toBe('15s');
    expect(within(t).getByTestId('board-status').textContent).toBe('✓ on target');
    expect(t.querySelector('.board-tile__title')?.textContent).toBe('Voice');
  });

  it('tells "below expected" (✖, alert) from "below target" (▲, warn) by icon, word and status class', () => {
    renderTiles(
      [tile({ kind: 'channel', channel: 'voice' }), tile({ kind: 'channel', channel: 'chat', column: 2 })],
      withResults([result({ key: 'voice', status: 'breach' }), result({ standardId: 'frt', key: 'chat', channel: 'chat', status: 'expected' })], {
        channels: [snapshot().channels[0], channelLive('chat', { queues: 1, offered: 5 }), ...snapshot().channels.slice(2)],
      }),
    );
    const [voice, chat] = screen.getAllByTestId('board-tile-channel');
    expect(voice.getAttribute('data-status')).toBe('alert');
    expect(within(voice).getByTestId('board-status').textContent).toBe('✖ below expected');
    expect(chat.getAttribute('data-status')).toBe('warn');
    expect(within(chat).getByTestId('board-status').textContent).toBe('▲ below target');
    // and names the standard that set the colour, which may judge no figure the tile shows
    expect(within(chat).getByTestId('board-cause').textContent).toMatch(/^\S/);
  });

  it('a queue tile judges its own figures and names its channel', () => {
    renderTiles([tile({ kind: 'queue', queue: 'Billing' })]);
    const t = screen.getByTestId('board-tile-queue');
    expect(t.querySelector('.board-tile__title')?.textContent).toBe('Billing · Voice');
    expect(within(t).getByTestId('board-sl').textContent).toBe('82%SL today');
  });

  it('headline figures are summed over the channels, not averaged', () => {
    // voice: 1,100 answered, 60 abandoned, 0 short; within T 900 -> 900 / 1,160 = 77.6 % -> 78 %
    // chat: 100 answered, 0 abandoned, within T 100 -> center 1,000 / 1,260 = 79.4 % -> 79 %
    const base = snapshot();
    const s = snapshot({
      channels: [
        { ...base.channels[0], answeredWithinThreshold: 900 },
        channelLive('chat', { answered: 100, answeredWithinThreshold: 100, waitingNow: 2, longestWaitNowSeconds: 95 }),
        ...base.channels.slice(2),
      ],
    });
    renderTiles([tile({ kind: 'headline', figures: ['service-level', 'waiting', 'longest-wait', 'answered'] })], s);
    expect(screen.getByTestId('board-headline-service-level').textContent).toBe('79%Service level');
    expect(screen.getByTestId('board-headline-waiting').textContent).toBe('5Waiting'); // 3 + 2
    expect(screen.getByTestId('board-headline-longest-wait').textContent).toBe('1m 35sLongest wait'); // max(15, 95) s
    expect(screen.getByTestId('board-headline-answered').textContent).toBe('1,200Answered'); // 1,100 + 100
  });

  it('a standard tile shows its figure in its unit and its tier', () => {
    renderTiles([tile({ kind: 'standard', standardId: 'sl', standardKey: 'voice' })], withResults([result({ figure: 0.654, status: 'expected' })]));
    const t = screen.getByTestId('board-tile-standard');
    expect(within(t).getByTestId('board-standard-figure').textContent).toBe('65.4%50 of 100 within 20s');
    expect(within(t).getByTestId('board-status').textContent).toBe('▲ below target');
    expect(t.querySelector('.board-tile__title')?.textContent).toBe('Voice SL · voice');
  });

  it('the waiting list shows the rows that fit, then "+N more", never all of them', () => {
    // 9 contacts waiting, 5 rows fit (before layout): 4 rows shown and "+5 more"; the host sends the oldest first
    const longestWaiting = Array.from({ length: 9 }, (_, i) => ({ queue: `Q${i}`, channel: 'chat' as const, waitingSeconds: 200 - i * 10, thresholdSeconds: 180 }));
    renderTiles([tile({ kind: 'waiting' })], snapshot({ longestWaiting: { total: 9, contacts: longestWaiting } }));
    const list = screen.getByTestId('board-waiting-list');
    const rows = list.querySelectorAll('.board-list__row');
    expect(rows.length).toBe(4);
    // past its queue's T: marked; within it: plain
    expect(rows[0].textContent).toBe('▲Q0 · Chat3m 20s');
    expect(rows[3].textContent).toBe('Q3 · Chat2m 50s');
    expect(within(list).getByTestId('board-more').textContent).toBe('+5 more');
  });

  it('counts in "+N more" the contacts waiting beyond those the host sent', () => {
    const contacts = Array.from({ length: 30 }, (_, i) => ({ queue: 'Email', channel: 'email' as const, waitingSeconds: 9000 - i, thresholdSeconds: 86_400 }));
    renderTiles([tile({ kind: 'waiting' })], snapshot({ longestWaiting: { total: 71, contacts } }));
    const list = screen.getByTestId('board-waiting-list');
    expect(list.querySelectorAll('.board-list__row')).toHaveLength(4);
    expect(within(list).getByTestId('board-more').textContent).toBe('+67 more');
  });

  it('lists every row when they fit, with no "+N more"', () => {
    renderTiles([tile({ kind: 'waiting' })]);
    expect(screen.getByTestId('board-waiting-list').querySelectorAll('.board-list__row').length).toBe(3);
    expect(screen.queryByTestId('board-more')).toBeNull();
  });

  it('agents by state: counts always, names only on a board that allows them', () => {
    const s = snapshot({ agents: [agent('a1', { name: 'Alice', state: 'on-contact' }), agent('a2', { name: 'Bob' })], agentsByState: { available: 1, 'on-contact': 1, 'after-contact-work': 0, 'not-ready': 0, offline: 0 } });
    renderTiles([tile({ kind: 'agents' })], s, false);
    expect(screen.getByTestId('board-agents-available').textContent).toBe('● 1Available');
    expect(document.body.textContent).not.toContain('Alice');
    expect(screen.queryByTestId('board-agent-names')).toBeNull();
    cleanup();
    renderTiles([tile({ kind: 'agents' })], s, true);
    expect(screen.getByTestId('board-agent-names').textContent).toContain('Alice');
  });

  it('alerts roll when more are open than fit; a short message stands still and a long one runs', () => {
    const open = Array.from({ length: 7 }, (_, i) => ({ id: i, standardId: 'sl', standardName: `Std ${i}`, key: 'voice', channel: 'voice' as const, queue: null, breachStartedAt: NOW - 60_000, firedAt: NOW, resolvedAt: null, acknowledgedAt: null, snoozedUntil: null, figure: 0.5, basis: '' }));
    renderTiles(
      [tile({ kind: 'alerts' }), tile({ kind: 'message', column: 2, text: 'Team meeting at 4' }), tile({ kind: 'message', column: 3, text: 'x'.repeat(120) })],
      withResults([], { alerts: { open, unacknowledged: 7 } }),
    );
    const alerts = screen.getByTestId('board-alerts');
    expect(alerts.getAttribute('data-rolling')).toBe('true');
    expect(alerts.textContent).toContain('Std 0 · voice 50.0% since 14:29');
    const [short, long] = screen.getAllByTestId('board-message');
    expect(short.getAttribute('data-rolling')).toBe('false');
    expect(long.getAttribute('data-rolling')).toBe('true');
  });

  it('nothing on a board can take focus: no button, link, input or tabindex', () => {
    const board = floorBoard();
    const { container } = renderTiles(board.pages[0].tiles.concat(tile({ kind: 'message', text: 'hi' })));
    expect(container.querySelectorAll('a, button, input, select, textarea, [tabindex], [contenteditable]').length).toBe(0);
  });
});

describe('every kind of tile', () => {
  it('draws a tile for each TILE_KINDS entry', () => {
    const extra: Partial<Record<BoardTile['kind'], Partial<BoardTile>>> = { channel: { channel: 'voice' }, queue: { queue: 'Billing' }, standard: { standardId: 'sl', standardKey: 'voice' }, message: { text: 'hello' } };
    renderTiles(TILE_KINDS.map((kind, i) => tile({ kind, column: (i % 4) + 1, row: Math.floor(i / 4) + 1, ...extra[kind] })));
    for (const kind of TILE_KINDS) expect(screen.getByTestId(`board-tile-${kind}`)).toBeTruthy();
  });

  it('a headline tile shows any of HEADLINE_FIGURES, four at most', () => {
    renderTiles([tile({ kind: 'headline', figures: [...HEADLINE_FIGURES] })]);
    expect(screen.getByTestId('board-tile-headline').querySelectorAll('.board-headline__figure').length).toBe(4);
    cleanup();
    renderTiles([tile({ kind: 'headline', figures: ['asa', 'agents-available', 'occupancy', 'abandon-rate'] })]);
    // ASA 12.4 s on 1,100 answered -> 12 s; 0 available; occupancy 78 %; (60 - 0) / 1,160 = 5.2 % -> 5 %
    expect(screen.getByTestId('board-tile-headline').textContent).toBe('Center today12sAvg answer0Available78%Occupancy5%Abandoned');
  });

  it('each board theme is set on the page', () => {
    for (const theme of BOARD_THEMES) {
      applyBoardTheme(theme);
      expect(document.documentElement.dataset.theme).toBe(theme);
    }
  });
});

describe('rows that fit', () => {
  it('keeps rows at least 4.5 % of the screen tall, and no wider than 16 times their height', () => {
    // 1080p, a 400 px tall list 900 wide: max(48.6, 56.25) = 56.25 px a row -> 7 rows
    expect(rowsThatFit({ width: 900, height: 400 }, 1080)).toBe(7);
    // 4K, the same tile at twice the size: max(97.2, 112.5) -> 7 rows: the same rows at any resolution
    expect(rowsThatFit({ width: 1800, height: 800 }, 2160)).toBe(7);
    // a narrow tall list on 1080p: max(48.6, 18.75) -> 600 / 48.6 = 12 rows
    expect(rowsThatFit({ width: 300, height: 600 }, 1080)).toBe(12);
  });

  it('shows all that fit, else one fewer and "+N more"', () => {
    expect(visibleRows(3, 5)).toEqual({ shown: 3, more: 0 });
    expect(visibleRows(6, 5)).toEqual({ shown: 4, more: 2 });
  });
});
