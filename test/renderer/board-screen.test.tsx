// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StandardsEvaluation } from '../../src/shared/standards';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { BoardScreen } from '../../src/renderer/src/features/board/board-screen';
import { boardNameFrom } from '../../src/renderer/src/features/board/board-route';
import { RETRY_MS } from '../../src/renderer/src/features/board/use-board';
import { RELOAD_EVERY_MS, SHIFT_EVERY_MS } from '../../src/renderer/src/features/board/use-board-upkeep';
import { boardClient, floorBoard } from './board-fixtures';
import { NOW, snapshot } from './fixtures';

// ECharts needs a canvas, which happy-dom lacks; the chart's option is tested on its own.
vi.mock('../../src/renderer/src/features/board/intraday-tile', () => ({
  IntradayTile: () => <div data-testid="board-intraday" />,
}));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets the fake client's promises settle (no timer runs). */
const settle = () => act(async () => {});
const advance = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

function open(fixture: ReturnType<typeof boardClient>, reload = vi.fn()) {
  render(
    <ClientProvider client={fixture.client}>
      <BoardScreen client={fixture.client} name="floor" reload={reload} />
    </ClientProvider>,
  );
  return reload;
}

const page = () => screen.getByTestId('board').getAttribute('data-page');

function breachOn(key: string): StandardsEvaluation {
  return {
    at: NOW,
    version: 1,
    results: [{ standardId: 'sl', key, channel: null, queue: null, figure: 0.4, status: 'breach', attainment: 0.5, basis: '', volume: 10, windowStart: NOW, windowEnd: NOW }],
    channels: [],
    consistencyIndex: null,
    atRisk: [],
    notReadyByReason: [],
    hours: [],
    worst: null,
    staffing: [],
  };
}

describe('board route', () => {
  it('reads /board/NAME and #/board/NAME; anything else is the console', () => {
    expect(boardNameFrom({ pathname: '/board/floor', hash: '' })).toBe('floor');
    expect(boardNameFrom({ pathname: '/index.html', hash: '#/board/lobby-tv' })).toBe('lobby-tv');
    expect(boardNameFrom({ pathname: '/', hash: '#/standards' })).toBeNull();
    expect(boardNameFrom({ pathname: '/board/Not%20A%20Name', hash: '' })).toBeNull();
  });
});

describe('BoardScreen', () => {
  it('loads its board with boards/get and draws page 1 full screen, in the board theme', async () => {
    const fixture = boardClient(floorBoard({ theme: 'high-contrast' }), snapshot());
    open(fixture);
    await settle();
    expect(fixture.calls).toContain('boards/get');
    expect(page()).toBe('0');
    expect(screen.getAllByTestId('board-tile-channel')).toHaveLength(4);
    expect(screen.getByTestId('board-tile-headline')).toBeTruthy();
    expect(screen.getByTestId('board-tile-waiting')).toBeTruthy();
    expect(screen.getByTestId('board-tile-alerts')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('high-contrast');
    expect(document.querySelectorAll('a, button, input, select, textarea, [tabindex]').length).toBe(0);
  });

  it('rotates pages by each page\'s dwell time', async () => {
    open(boardClient(floorBoard(), snapshot()));
    await settle();
    await advance(29_999);
    expect(page()).toBe('0');
    await advance(1);
    expect(page()).toBe('1');
    expect(screen.getByTestId('board-intraday')).toBeTruthy();
    expect(screen.getByTestId('board-tile-agents')).toBeTruthy();
    await advance(20_000); // page 2 dwells 20 s
    expect(page()).toBe('0');
  });

  it('jumps to the page of a breaching standard and stays there while it breaches', async () => {
    const board = floorBoard({ jumpOnBreach: true });
    board.pages[1].tiles.push({ kind: 'standard', column: 4, row: 2, columnSpan: 1, rowSpan: 1, standardId: 'sl', standardKey: 'center' });
    board.pages[1].tiles[1] = { ...board.pages[1].tiles[1], rowSpan: 1 };
    const fixture = boardClient(board, snapshot());
    open(fixture);
    await settle();
    expect(page()).toBe('0');
    act(() => fixture.push(snapshot({ standards: breachOn('center') })));
    expect(page()).toBe('1');
    await advance(120_000);
    expect(page()).toBe('1');
    act(() => fixture.push(snapshot({ standards: null })));
    await advance(20_000);
    expect(page()).toBe('0');
  });

  it('does not jump on a board that does not ask for it', async () => {
    const fixture = boardClient(floorBoard(), snapshot());
    open(fixture);
    await settle();
    act(() => fixture.push(snapshot({ standards: breachOn('voice') })));
    expect(page()).toBe('0');
  });

  it('opened while the host is down: says it waits, and connects when the host comes up', async () => {
    const fixture = boardClient(floorBoard(), snapshot());
    fixture.state.down = true;
    open(fixture);
    await settle();
    expect(screen.getByTestId('board-waiting').textContent).toContain('Waiting for the floor host… retrying');
    fixture.setDown(false);
    await advance(RETRY_MS);
    expect(screen.getByTestId('board')).toBeTruthy();
  });

  it('says its figures are frozen, in a corner, when the host goes silent', async () => {
    open(boardClient(floorBoard(), snapshot()));
    await settle();
    expect(screen.queryByTestId('board-frozen')).toBeNull();
    await advance(11_000);
    expect(screen.getByTestId('board-frozen').textContent).toMatch(/^⚠ Frozen at 14:30:00 · 1[01]s ago$/);
  });

  it('shifts a few pixels every few minutes', async () => {
    open(boardClient(floorBoard(), snapshot()));
    await settle();
    const frame = () => (document.querySelector('.board__frame') as HTMLElement).style.transform;
    expect(frame()).toBe('translate(0px, 0px)');
    await advance(SHIFT_EVERY_MS);
    expect(frame()).toBe('translate(2px, 1px)');
  });

  it('reloads itself every 4 hours, but not while the host is down', async () => {
    const fixture = boardClient(floorBoard(), snapshot());
    const reload = open(fixture);
    await settle();
    fixture.setDown(true);
    await advance(RELOAD_EVERY_MS + 60_000);
    expect(reload).not.toHaveBeenCalled();
    fixture.setDown(false);
    await advance(RETRY_MS); // the board is asked again and answered: the host is up
    await advance(60_000);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
