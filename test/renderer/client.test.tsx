// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, FloorboardBridge, FloorSnapshot } from '../../src/shared/api';
import { ApiError, createClient, ApiClient } from '../../src/renderer/src/api/client';
import { Backoff } from '../../src/renderer/src/api/backoff';
import { HttpTransport, pushUrl, type SocketLike } from '../../src/renderer/src/api/http-transport';
import { SCREEN_ACCESS_REVOKED } from '../../src/shared/screen-access';
import { snapshot } from './fixtures';

class FakeSocket implements SocketLike {
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  closedWith: number | null = null;
  constructor(readonly url: string) {}
  close(code = 1000) {
    this.closedWith = code;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  push(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
  drop(code = 1006, reason = '') {
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

const PAGE = 'http://wallboard.local:8080/';
let sockets: FakeSocket[];
let fetchMock: ReturnType<typeof vi.fn>;

const jsonResponse = (status: number, body: unknown) =>
  ({ status, ok: status < 300, json: async () => body }) as unknown as Response;

function transport(options: { silenceTimeoutMs?: number } = {}) {
  return new HttpTransport({
    pageUrl: PAGE,
    fetch: fetchMock as unknown as typeof fetch,
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    backoff: new Backoff(500, 10_000, () => 0.5), // no jitter: delays are exact
    ...options,
  });
}

beforeEach(() => {
  sockets = [];
  fetchMock = vi.fn();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('calls over HTTP', () => {
  it('POSTs the JSON args to /api/<name> on the page origin and returns the value', async () => {
    const s = snapshot();
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, value: s } satisfies Envelope<FloorSnapshot>));
    const client = new ApiClient(transport());
    await expect(client.call('floor/snapshot', {})).resolves.toEqual(s);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://wallboard.local:8080/api/floor/snapshot');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{}');
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, value: [] }));
    await client.call('quarantine/list', { limit: 5, source: 'queue_log' });
    expect(fetchMock.mock.calls[1][0]).toBe('http://wallboard.local:8080/api/quarantine/list');
    expect(JSON.parse((fetchMock.mock.calls[1][1] as RequestInit).body as string)).toEqual({ limit: 5, source: 'queue_log' });
  });

  it('throws a typed ApiError carrying the envelope error', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { ok: false, error: { code: 'invalid-args', message: 'from: expected an ISO date' } }));
    const client = new ApiClient(transport());
    const error = await client.call('metrics/window', { from: 'yesterday', to: 'today' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-args');
    expect((error as ApiError).method).toBe('metrics/window');
    expect((error as ApiError).message).toBe('metrics/window: from: expected an ISO date');
  });

  it('throws a transport ApiError when the host is unreachable or answers something else', async () => {
    const client = new ApiClient(transport());
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(client.call('app/info', {})).rejects.toMatchObject({ code: 'transport' });
    fetchMock.mockResolvedValue({ status: 502, ok: false, json: async () => { throw new SyntaxError('bad'); } } as unknown as Response);
    await expect(client.call('app/info', {})).rejects.toMatchObject({ code: 'transport', message: 'app/info: HTTP 502: the answer is not JSON' });
  });
});

describe('pushes over the WebSocket', () => {
  it('connects to /ws with ws:// or wss:// per the page protocol', () => {
    expect(pushUrl('http://host:8080/')).toBe('ws://host:8080/ws');
    expect(pushUrl('https://board.example/floor')).toBe('wss://board.example/ws');
    transport();
    expect(sockets[0].url).toBe('ws://wallboard.local:8080/ws');
  });

  it('delivers pushed snapshots to listeners and ignores malformed frames', () => {
    const t = transport();
    const seen: number[] = [];
    const off = t.on('floor/snapshot', (s) => seen.push(s.now));
    sockets[0].open();
    sockets[0].push(JSON.stringify({ event: 'floor/snapshot', payload: snapshot({ now: 111 }) }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    sockets[0].push('not json');
    sockets[0].push(JSON.stringify({ event: 'other/event', payload: {} }));
    off();
    sockets[0].push(JSON.stringify({ event: 'floor/snapshot', payload: snapshot({ now: 222 }) }));
    expect(seen).toEqual([111]);
  });

  it('reports connecting, live, disconnected, and reconnects with growing backoff', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch')); // the host is down: the session asked after a refused socket is not answered
    const t = transport();
    const states: string[] = [];
    t.onConnection((s) => states.push(s));
    expect(t.connection()).toBe('connecting');
    sockets[0].open();
    expect(t.connection()).toBe('live');
    sockets[0].drop();
    expect(t.connection()).toBe('disconnected');

    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2); // first retry after 500 ms
    sockets[1].drop(); // never opened: one access/session call first, then the backoff
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3); // then 1 s
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['http://wallboard.local:8080/api/access/session']);
    sockets[2].open();
    expect(t.connection()).toBe('live');
    sockets[2].drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4); // back to 500 ms after a successful open
    expect(states).toEqual(['live', 'disconnected', 'live', 'disconnected']);
  });

  it('replaces a socket that stays silent, and stops for good on close()', () => {
    const t = transport({ silenceTimeoutMs: 3000 });
    sockets[0].open();
    vi.advanceTimersByTime(2000);
    sockets[0].push(JSON.stringify({ event: 'floor/snapshot', payload: snapshot() }));
    vi.advanceTimersByTime(2999);
    expect(t.connection()).toBe('live');
    vi.advanceTimersByTime(1);
    expect(sockets[0].closedWith).toBe(4000);
    expect(t.connection()).toBe('disconnected');
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    t.close();
    expect(sockets[1].closedWith).toBe(1000);
    sockets[1].drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });
});

describe('signed out', () => {
  const UNAUTHENTICATED = { ok: false, error: { code: 'unauthenticated', message: 'sign in first: open the admin login URL' } };

  it('a call answered 401 unauthenticated signs the page out: socket closed, no retry, later calls answered locally', async () => {
    const t = transport();
    const client = new ApiClient(t);
    const states: string[] = [];
    t.onConnection((s) => states.push(s));
    fetchMock.mockResolvedValue(jsonResponse(401, UNAUTHENTICATED));
    await expect(client.call('access/session', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(t.connection()).toBe('signed-out');
    expect(client.signedOut()).toEqual({ ended: false, message: 'sign in first: open the admin login URL' });
    expect(sockets[0].closedWith).toBe(1000);
    sockets[0].drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    await expect(client.call('floor/snapshot', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['signed-out']);
  });

  it('a socket closed 1008 asks the session once: refused, access ended and nothing more is tried', async () => {
    const t = transport();
    sockets[0].open();
    fetchMock.mockResolvedValue(jsonResponse(401, { ok: false, error: { code: 'unauthenticated', message: 'that credential is not valid (revoked)' } }));
    sockets[0].drop(1008, 'access ended: the token was revoked or expired, or the admin secret was rotated');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.connection()).toBe('signed-out');
    expect(t.signedOut()).toEqual({ ended: true, message: 'that credential is not valid (revoked)' });
    expect(sockets).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a screen\'s socket closed 1008 with SCREEN_ACCESS_REVOKED ends at once with those words, asking nothing', async () => {
    const t = transport();
    sockets[0].open();
    sockets[0].drop(1008, SCREEN_ACCESS_REVOKED);
    expect(t.connection()).toBe('signed-out');
    expect(t.signedOut()).toEqual({ ended: true, message: SCREEN_ACCESS_REVOKED });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(sockets).toHaveLength(1);
  });

  it('a socket closed 1008 for too many connections is retried with backoff (the session still answers)', async () => {
    const t = transport();
    sockets[0].open();
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, value: { role: 'viewer', token: 'wall', names: false } }));
    sockets[0].drop(1008, 'too many connections with this token');
    await vi.advanceTimersByTimeAsync(500);
    expect(t.connection()).toBe('disconnected');
    expect(sockets).toHaveLength(2);
  });

  it('a socket refused before it opened (the upgrade answered 401) signs the page out', async () => {
    const t = transport();
    fetchMock.mockResolvedValue(jsonResponse(401, UNAUTHENTICATED));
    sockets[0].drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.connection()).toBe('signed-out');
    expect(sockets).toHaveLength(1);
  });
});

describe('createClient', () => {
  it('uses the preload bridge when there is one, and never opens a socket', async () => {
    const bridge: FloorboardBridge = {
      call: vi.fn(async () => ({ ok: true, value: { version: '1.2.3', dbPath: '/x.db', simulated: true, runtime: 'electron' } })) as FloorboardBridge['call'],
      on: vi.fn(() => () => {}),
    };
    const WebSocketSpy = vi.fn();
    vi.stubGlobal('WebSocket', WebSocketSpy);
    try {
      const client = createClient({ floorboard: bridge, location: { href: PAGE } });
      await expect(client.call('app/info', {})).resolves.toMatchObject({ version: '1.2.3', runtime: 'electron' });
      expect(bridge.call).toHaveBeenCalledWith('app/info', {});
      expect(client.connection()).toBe('live');
      expect(WebSocketSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('turns a bridge error envelope into an ApiError', async () => {
    const bridge: FloorboardBridge = {
      call: (async () => ({ ok: false, error: { code: 'unknown-method', message: 'no such handler' } })) as FloorboardBridge['call'],
      on: () => () => {},
    };
    const client = createClient({ floorboard: bridge, location: { href: PAGE } });
    await expect(client.call('floor/snapshot', {})).rejects.toMatchObject({ code: 'unknown-method' });
  });
});
