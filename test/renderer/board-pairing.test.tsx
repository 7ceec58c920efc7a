// @vitest-environment happy-dom
/**
 * A board page the host refuses: without a token it pairs itself (a code from POST /pair/start, shown big, polled
 * with GET /pair/status, the address replaced once paired, a new code once expired, a 429 retried a minute later);
 * with a token that stopped working it says its access was revoked. fetch and location.replace are fakes, the
 * timers fake: each step is driven by hand.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { BoardScreen } from '../../src/renderer/src/features/board/board-screen';
import { BUSY_RETRY_MS, HOST_RETRY_MS, POLL_MS } from '../../src/renderer/src/features/board/use-pairing';
import type { PairingStatus } from '../../src/shared/api-boards';
import { SCREEN_ACCESS_REVOKED } from '../../src/shared/screen-access';
import { boardClient, floorBoard } from './board-fixtures';
import { NOW, snapshot } from './fixtures';

vi.mock('../../src/renderer/src/features/board/intraday-tile', () => ({
  IntradayTile: () => <div data-testid="board-intraday" />,
}));

const PAGE = 'http://wall.local:8080/board/floor';
const MINUTES_10 = 10 * 60_000;
/** The host's clock runs 2 minutes ahead of the TV's: the countdown must still start at 10:00. */
const HOST_AHEAD_MS = 2 * 60_000;

type Answer = { status: number; body: unknown } | 'unreachable';

/** The host's pairing routes: each start and status call takes the next answer queued for its route. */
function pairingHost() {
  const starts: Answer[] = [];
  const statuses: Answer[] = [];
  const requests: { url: URL; init: RequestInit | undefined }[] = [];
  const fetchFake = (async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    requests.push({ url, init });
    const answer = (url.pathname === '/pair/start' ? starts : statuses).shift() ?? { status: 200, body: { state: 'waiting' } };
    if (answer === 'unreachable') throw new TypeError('Failed to fetch');
    const hostDate = new Date(Date.now() + HOST_AHEAD_MS).toUTCString();
    return { status: answer.status, ok: answer.status < 300, headers: new Headers({ date: hostDate }), json: async () => answer.body } as unknown as Response;
  }) as typeof fetch;
  const code = (code: string): Answer => ({ status: 200, body: { code, expiresAt: Date.now() + HOST_AHEAD_MS + MINUTES_10, secret: `secret-of-${code}` } });
  const status = (body: PairingStatus): Answer => ({ status: 200, body });
  const pathsAsked = () => requests.map((r) => r.url.pathname);
  return { starts, statuses, requests, fetch: fetchFake, code, status, pathsAsked };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW - (NOW % 1000));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const advance = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

function openRefused(host: ReturnType<typeof pairingHost>, { ended = false, pageUrl = PAGE } = {}) {
  const fixture = boardClient(floorBoard(), snapshot());
  fixture.signOut({ ended, message: 'sign in first: open the admin login URL' });
  const replace = vi.fn();
  render(
    <ClientProvider client={fixture.client}>
      <BoardScreen client={fixture.client} name="floor" pageUrl={pageUrl} pairingPorts={{ fetch: host.fetch, replace }} />
    </ClientProvider>,
  );
  return replace;
}

describe('a board opened without a token', () => {
  it('shows a code from one POST /pair/start, polls its status, and takes the paired address with its token', async () => {
    const host = pairingHost();
    host.starts.push(host.code('K7M4QX'));
    host.statuses.push(host.status({ state: 'waiting' }), host.status({ state: 'paired', token: 'fbv_abc', board: 'floor' }));
    const replace = openRefused(host);
    await advance(0);

    expect(screen.getByTestId('board-pairing-code').textContent).toBe('K7M-4QX');
    expect(screen.getByTestId('board-pairing').textContent).toContain('Enter this code on the Boards screen of Floorboard (Boards → Pair a screen)');
    expect(screen.getByTestId('board-pairing').textContent).toContain('floor');
    expect(screen.getByTestId('board-pairing-left').textContent).toBe('Valid for 10m 00s');
    expect(host.requests[0].init).toMatchObject({ method: 'POST', credentials: 'omit' });

    await advance(POLL_MS);
    expect(host.pathsAsked()).toEqual(['/pair/start', '/pair/status']);
    expect(Object.fromEntries(host.requests[1].url.searchParams)).toEqual({ code: 'K7M4QX', secret: 'secret-of-K7M4QX' });
    expect(host.requests[1].init).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect(replace).not.toHaveBeenCalled();

    await advance(POLL_MS);
    expect(replace).toHaveBeenCalledWith('http://wall.local:8080/board/floor?token=fbv_abc');
    await advance(10 * POLL_MS);
    expect(host.pathsAsked()).toEqual(['/pair/start', '/pair/status', '/pair/status']);
  });

  it('counts the code\'s time down by the host\'s clock', async () => {
    const host = pairingHost();
    host.starts.push(host.code('K7M4QX'));
    openRefused(host);
    await advance(0);
    await advance(61_000);
    // 600 s - 61 s = 539 s = 8m 59s
    expect(screen.getByTestId('board-pairing-left').textContent).toBe('Valid for 8m 59s');
  });

  it('goes to the board the code was paired with, which may not be the one in its address', async () => {
    const host = pairingHost();
    host.starts.push(host.code('K7M4QX'));
    host.statuses.push(host.status({ state: 'paired', token: 'fbv_xyz', board: 'lobby-tv' }));
    const replace = openRefused(host);
    await advance(POLL_MS);
    expect(replace).toHaveBeenCalledWith('http://wall.local:8080/board/lobby-tv?token=fbv_xyz');
  });

  it('asks for a new code once its code expired', async () => {
    const host = pairingHost();
    host.starts.push(host.code('K7M4QX'), host.code('ACD349'));
    host.statuses.push(host.status({ state: 'expired' }));
    openRefused(host);
    await advance(0);
    expect(screen.getByTestId('board-pairing-code').textContent).toBe('K7M-4QX');
    await advance(POLL_MS);
    expect(host.pathsAsked()).toEqual(['/pair/start', '/pair/status', '/pair/start']);
    expect(screen.getByTestId('board-pairing-code').textContent).toBe('ACD-349');
    await advance(POLL_MS);
    expect(host.requests.at(-1)?.url.searchParams.get('code')).toBe('ACD349');
  });

  it('refused with 429, says too many screens are pairing and asks again a minute later', async () => {
    const host = pairingHost();
    host.starts.push({ status: 429, body: { ok: false, error: { code: 'refused', message: '16 pairing codes are waiting already' } } }, host.code('K7M4QX'));
    openRefused(host);
    await advance(0);
    expect(screen.getByTestId('board-pairing').textContent).toContain('Too many screens are pairing: retrying in a minute');
    await advance(BUSY_RETRY_MS - 1);
    expect(host.pathsAsked()).toEqual(['/pair/start']);
    await advance(1);
    expect(screen.getByTestId('board-pairing-code').textContent).toBe('K7M-4QX');
  });

  it('waits for a host it cannot reach, and keeps polling through a failed status call', async () => {
    const host = pairingHost();
    host.starts.push('unreachable', host.code('K7M4QX'));
    host.statuses.push('unreachable', host.status({ state: 'paired', token: 'fbv_abc', board: 'floor' }));
    const replace = openRefused(host);
    await advance(0);
    expect(screen.getByTestId('board-pairing').textContent).toContain('Waiting for the floor host… retrying');
    await advance(HOST_RETRY_MS);
    expect(screen.getByTestId('board-pairing-code').textContent).toBe('K7M-4QX');
    await advance(2 * POLL_MS);
    expect(replace).toHaveBeenCalledWith('http://wall.local:8080/board/floor?token=fbv_abc');
  });
});

describe('a screen whose access ended', () => {
  it('says its access was revoked, full screen, with what to do, when its socket is closed for it', async () => {
    const host = pairingHost();
    const fixture = boardClient(floorBoard(), snapshot());
    render(
      <ClientProvider client={fixture.client}>
        <BoardScreen client={fixture.client} name="floor" pageUrl={`${PAGE}?token=fbv_abc`} pairingPorts={{ fetch: host.fetch, replace: vi.fn() }} />
      </ClientProvider>,
    );
    await advance(0);
    expect(screen.getByTestId('board')).toBeTruthy();
    act(() => fixture.signOut({ ended: true, message: SCREEN_ACCESS_REVOKED }));
    const revoked = screen.getByTestId('board-revoked').textContent;
    expect(revoked).toContain("This screen's access was revoked");
    expect(revoked).toContain('npm run cli -- boards token create floor');
    expect(screen.queryByTestId('board')).toBeNull();
    expect(screen.queryByTestId('board-waiting')).toBeNull();
    expect(host.requests).toHaveLength(0);
  });

  it('reloaded with a token the host no longer takes, says so too rather than asking for a code', async () => {
    const host = pairingHost();
    openRefused(host, { pageUrl: `${PAGE}?token=fbv_gone` });
    await advance(POLL_MS);
    expect(screen.getByTestId('board-revoked')).toBeTruthy();
    expect(host.requests).toHaveLength(0);
  });
});
