// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, FloorboardBridge, FloorSnapshot } from '../../src/shared/api';
import { createBridgeTransport } from '../../src/renderer/src/api/bridge-transport';
import { ApiClient } from '../../src/renderer/src/api/client';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { App } from '../../src/renderer/src/app';
import { NOW, snapshot } from './fixtures';

vi.mock('../../src/renderer/src/features/floor/intraday-chart', () => ({
  IntradayChart: () => <div data-testid="intraday-chart" />,
}));

afterEach(cleanup);

/** A bridge whose snapshot answer and pushes the test controls. */
function fakeBridge() {
  let answer: (s: FloorSnapshot) => void = () => {};
  const listeners = new Set<(s: FloorSnapshot) => void>();
  const bridge: FloorboardBridge = {
    call: ((name: string) =>
      name === 'access/session'
        ? Promise.resolve({ ok: true, value: { role: 'admin', token: null, names: true } })
        : new Promise<Envelope<FloorSnapshot>>((resolve) => (answer = (value) => resolve({ ok: true, value })))) as unknown as FloorboardBridge['call'],
    on: ((_event: string, listener: (s: FloorSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as FloorboardBridge['on'],
  };
  return { bridge, answer: (s: FloorSnapshot) => answer(s), push: (s: FloorSnapshot) => listeners.forEach((l) => l(s)) };
}

describe('App', () => {
  it('loads the snapshot once, then follows pushes; a late fetch answer never steps back in time', async () => {
    const fake = fakeBridge();
    render(
      <ClientProvider client={new ApiClient(createBridgeTransport(fake.bridge))}>
        <App />
      </ClientProvider>,
    );
    expect(screen.getByTestId('loading').textContent).toContain('Loading the floor');

    await act(async () => fake.push(snapshot({ now: NOW + 2000 })));
    expect(screen.getByTestId('center-clock').textContent).toBe('14:30:02');

    await act(async () => fake.answer(snapshot({ now: NOW })));
    expect(screen.getByTestId('center-clock').textContent).toBe('14:30:02');

    const next = snapshot({ now: NOW + 3000 });
    next.channels[0] = { ...next.channels[0], waitingNow: 9 };
    await act(async () => fake.push(next));
    expect(screen.getByTestId('center-clock').textContent).toBe('14:30:03');
    expect(screen.getByTestId('channel-tile-voice').querySelector('[data-testid="metric-waiting"]')!.textContent).toBe('9');
    expect(screen.getByTestId('connection-state').textContent).toBe('● Live');
  });
});
