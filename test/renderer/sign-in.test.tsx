// @vitest-environment happy-dom
/** A page the host refuses shows how to sign in, not "Loading the floor…" or a reconnect loop. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../src/renderer/src/api/client';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { HttpTransport, type SocketLike } from '../../src/renderer/src/api/http-transport';
import { App } from '../../src/renderer/src/app';
import { snapshot } from './fixtures';

vi.mock('../../src/renderer/src/features/floor/intraday-chart', () => ({
  IntradayChart: () => <div data-testid="intraday-chart" />,
}));

const NO_CREDENTIAL = 'sign in first: open the admin login URL "serve" printed';
const NOT_VALID = 'that credential is not valid (revoked, expired, or the admin secret was rotated)';

/** A host whose answers the test sets per method, and the page's sockets. */
function page(answer: (name: string) => { status: number; body: unknown }) {
  const sockets: (SocketLike & { opened?: boolean })[] = [];
  const fetch = vi.fn(async (url: string) => {
    const { status, body } = answer(new URL(url).pathname.replace('/api/', ''));
    return { status, ok: status < 300, json: async () => body } as unknown as Response;
  });
  const transport = new HttpTransport({
    pageUrl: 'http://floor.local:8080/',
    fetch: fetch as unknown as typeof globalThis.fetch,
    openSocket: () => {
      const s: SocketLike = { onopen: null, onmessage: null, onclose: null, onerror: null, close: () => {} };
      sockets.push(s);
      return s;
    },
  });
  render(
    <ClientProvider client={new ApiClient(transport)}>
      <App />
    </ClientProvider>,
  );
  return { fetch, sockets };
}

afterEach(cleanup);

describe('the sign-in screen', () => {
  it('without a credential: "Not signed in", both ways in, the host’s words', async () => {
    const host = page(() => ({ status: 401, body: { ok: false, error: { code: 'unauthenticated', message: NO_CREDENTIAL } } }));
    const screenEl = await screen.findByTestId('sign-in');
    expect(screenEl.getAttribute('data-reason')).toBe('not-signed-in');
    expect(screenEl.textContent).toContain('Not signed in');
    expect(screenEl.textContent).toContain('npm run cli -- access admin login-url');
    expect(screenEl.textContent).toContain('viewer link');
    expect(screen.getByTestId('sign-in-detail').textContent).toContain(NO_CREDENTIAL);
    expect(screen.queryByTestId('loading')).toBeNull();
    // no retries behind it (timed with fake timers in client.test.tsx): the refused socket is not reopened
    await act(async () => host.sockets[0].onclose?.({ code: 1006 } as CloseEvent));
    expect(host.sockets).toHaveLength(1);
  });

  it('a revoked viewer’s page, closed 1008 by the host: "Access ended"', async () => {
    let revoked = false;
    const host = page((name) => {
      if (revoked) return { status: 401, body: { ok: false, error: { code: 'unauthenticated', message: NOT_VALID } } };
      if (name === 'access/session') return { status: 200, body: { ok: true, value: { role: 'viewer', token: 'wall 1', names: false } } };
      return { status: 200, body: { ok: true, value: snapshot() } };
    });
    await act(async () => host.sockets[0].onopen?.(new Event('open')));
    expect((await screen.findByTestId('session-badge')).textContent).toBe('Viewer: wall 1');
    revoked = true;
    await act(async () => host.sockets[0].onclose?.({ code: 1008, reason: 'access ended: the token was revoked or expired, or the admin secret was rotated' } as CloseEvent));
    const screenEl = await screen.findByTestId('sign-in');
    expect(screenEl.getAttribute('data-reason')).toBe('access-ended');
    expect(screenEl.textContent).toContain('Access ended');
    expect(screenEl.textContent).toContain('revoked or has expired, or the admin secret was rotated');
    expect(screen.queryByTestId('channel-tile-voice')).toBeNull();
  });
});
