import type { ApiArgs, ApiName, ApiResult, Envelope, PushEvents, PushName } from '../../../shared/api';
import { SCREEN_ACCESS_REVOKED } from '../../../shared/screen-access';
import { ApiError } from './api-error';
import { Backoff } from './backoff';
import type { ConnectionState, SignedOut, Transport } from './transport';

/** Anything with the parts of the browser WebSocket this transport uses (tests pass a fake). */
export interface SocketLike {
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface HttpTransportOptions {
  /** The page's own URL: calls and the push socket go to its origin. */
  pageUrl: string;
  /**
   * A wall display's screen token, from its board page's own address (`/board/NAME?token=fbv_...`: a TV's browser may
   * forget cookies, so the token stays in the address): sent as a bearer on calls and in the socket's URL, where a
   * browser can set no header. Any other page signs in with its session cookie.
   */
  screenToken?: string;
  fetch?: typeof fetch;
  openSocket?: (url: string) => SocketLike;
  backoff?: Backoff;
  /**
   * Pushes come at least every second; a socket silent for this long is taken as dead (a half-open TCP
   * connection never fires `close`) and replaced.
   */
  silenceTimeoutMs?: number;
}

type Listener = (payload: unknown) => void;

/** `/api/floor/snapshot` for `floor/snapshot`: handler names are already path-shaped. */
function callUrl(pageUrl: string, name: ApiName): string {
  return new URL(`/api/${name}`, pageUrl).toString();
}

/** `ws://host/ws`, or `wss://` when the page came over https; a screen's token in its query. */
export function pushUrl(pageUrl: string, screenToken?: string): string {
  const url = new URL('/ws', pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (screenToken) url.searchParams.set('token', screenToken);
  return url.toString();
}

/** A board page's screen token (`/board/NAME?token=fbv_...`), or none. */
export function screenTokenOf(pageUrl: string): string | undefined {
  const url = new URL(pageUrl);
  const token = url.searchParams.get('token');
  return url.pathname.startsWith('/board/') && token?.startsWith('fbv_') ? token : undefined;
}

function isEnvelope(body: unknown): body is Envelope<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** A WebSocket close code the host uses for a policy refusal: access ended, or too many connections. */
const POLICY_VIOLATION = 1008;

/**
 * The headless host: each call is `POST /api/<name>` answered with an envelope; pushes arrive on one
 * WebSocket at `/ws` as `{"event": ..., "payload": ...}` text frames. The socket reconnects with backoff.
 *
 * The credential is the page's HttpOnly session cookie, which no script reads: the transport learns it is gone only
 * from the host. A call answered `unauthenticated` signs the page out for good: the socket is closed, nothing is
 * retried, and later calls are answered locally. A socket that closes with 1008 (access ended, or too many
 * connections) or before it ever opened (a browser shows no upgrade status, 401 included) is followed by one
 * `access/session` call before any reconnect, so a revoked token or a rotated secret ends the retries at once while
 * a host that is down or a connection cap is still retried with backoff. A screen's socket closed with 1008 and
 * SCREEN_ACCESS_REVOKED needs no such call: the host said why, and the page ends at once with those words.
 */
export class HttpTransport implements Transport {
  private readonly fetchFn: typeof fetch;
  private readonly openSocket: (url: string) => SocketLike;
  private readonly backoff: Backoff;
  private readonly silenceTimeoutMs: number;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private state: ConnectionState = 'connecting';
  private socket: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private signOut: SignedOut | null = null;
  /** A call was answered or a socket opened: a later refusal means access ended. */
  private hadAccess = false;

  constructor(private readonly options: HttpTransportOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.openSocket = options.openSocket ?? ((url) => new WebSocket(url));
    this.backoff = options.backoff ?? new Backoff();
    this.silenceTimeoutMs = options.silenceTimeoutMs ?? 10_000;
    this.connect();
  }

  async call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<Envelope<ApiResult<K>>> {
    if (this.signOut) return { ok: false, error: { code: 'unauthenticated', message: this.signOut.message } };
    let response: Response;
    try {
      response = await this.fetchFn(callUrl(this.options.pageUrl, name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.options.screenToken ? { authorization: `Bearer ${this.options.screenToken}` } : {}) },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      throw new ApiError('transport', `host unreachable (${String(error)})`, name);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError('transport', `HTTP ${response.status}: the answer is not JSON`, name);
    }
    // Hosts answer errors with a non-2xx status and an envelope; the envelope is what counts.
    if (!isEnvelope(body)) throw new ApiError('transport', `HTTP ${response.status}: the answer is not an envelope`, name);
    const envelope = body as Envelope<ApiResult<K>>;
    if (envelope.ok) this.hadAccess = true;
    else if (envelope.error.code === 'unauthenticated') this.end(envelope.error.message);
    return envelope;
  }

  on<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const l = listener as Listener;
    set.add(l);
    return () => {
      set.delete(l);
    };
  }

  connection(): ConnectionState {
    return this.state;
  }

  signedOut(): SignedOut | null {
    return this.signOut;
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
  }

  private connect(): void {
    if (this.closed || this.signOut) return;
    let socket: SocketLike;
    try {
      socket = this.openSocket(pushUrl(this.options.pageUrl, this.options.screenToken));
    } catch {
      this.lost();
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      opened = true;
      this.hadAccess = true;
      this.backoff.reset();
      this.setState('live');
      this.armSilenceTimer();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.armSilenceTimer();
      this.dispatch(ev.data);
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (ev.code === POLICY_VIOLATION && ev.reason === SCREEN_ACCESS_REVOKED) this.end(SCREEN_ACCESS_REVOKED);
      else if (!opened || ev.code === POLICY_VIOLATION) void this.askSession();
      else this.lost();
    };
    // An error is always followed by close; reconnecting happens there.
    socket.onerror = () => {};
  }

  /** Was the socket refused for its credential? One call tells (and signs the page out if so); else reconnect. */
  private async askSession(): Promise<void> {
    this.clearTimers();
    try {
      await this.call('access/session', {});
    } catch {
      // the host is unreachable: reconnect with backoff, as for any lost socket
    }
    this.lost();
  }

  /** The host refused the credential: stop everything, for good (a login link opens a new page). */
  private end(message: string): void {
    if (this.signOut || this.closed) return;
    this.signOut = { ended: this.hadAccess, message };
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'signed out');
    this.setState('signed-out');
  }

  private lost(): void {
    if (this.closed || this.signOut) return;
    this.clearTimers();
    // Only the first attempt reads "connecting"; after any failure the board says "disconnected" (and keeps
    // retrying) until a socket opens again, so a flapping host does not flicker between two states.
    this.setState('disconnected');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, this.backoff.next());
  }

  private armSilenceTimer(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = null;
      const socket = this.socket;
      if (!socket) return;
      this.socket = null;
      socket.close(4000, 'no pushes');
      this.lost();
    }, this.silenceTimeoutMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.reconnectTimer = null;
    this.silenceTimer = null;
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      console.warn('floorboard: ignored a push that is not JSON');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string' || payload === undefined) return;
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
