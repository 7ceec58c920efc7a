// @vitest-environment happy-dom
/**
 * A viewer's console shows what its role may do and nothing else: no Feeds or Access screen, no editing, drilling,
 * acknowledging or snoozing; a header badge names its token. Every call it makes is one METHOD_ROLES lets a viewer
 * make (the host would answer any other 403).
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_ROLES, type Caller } from '../../src/shared/api';
import type { AlertView, StandardsEvaluation, StandardsVersion } from '../../src/shared/standards';
import { defaultStandards } from '../../src/core/standards/defaults';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { App } from '../../src/renderer/src/app';
import { fakeClient } from './fake-client';
import { NOW, snapshot } from './fixtures';

vi.mock('../../src/renderer/src/features/floor/intraday-chart', () => ({
  IntradayChart: () => <div data-testid="intraday-chart" />,
}));

const VIEWER: Caller = { role: 'viewer', token: 'wall 1', names: false };
const ADMIN: Caller = { role: 'admin', token: null, names: true };

const set = defaultStandards('Europe/London');
const voiceSl = set.standards.find((s) => s.id === 'voice-service-level')!;
const version: StandardsVersion = { version: 3, validFrom: '2026-03-10T00:00:00Z', savedAt: '2026-03-10T00:00:00Z', note: null, set };
const evaluation: StandardsEvaluation = {
  at: NOW,
  version: 3,
  results: [{ standardId: voiceSl.id, key: 'voice', channel: 'voice', queue: null, figure: 0.7, status: 'breach', attainment: 0.8, basis: '70 of 100 within 20 s', volume: 100, windowStart: NOW - 3_600_000, windowEnd: NOW }],
  channels: [],
  consistencyIndex: null,
  atRisk: [],
  notReadyByReason: [],
  hours: [],
  worst: null,
  staffing: [],
};
const alert: AlertView = {
  id: 7,
  standardId: voiceSl.id,
  standardName: voiceSl.name,
  key: 'voice',
  channel: 'voice',
  queue: null,
  breachStartedAt: NOW - 600_000,
  firedAt: NOW - 300_000,
  resolvedAt: null,
  acknowledgedAt: null,
  snoozedUntil: null,
  figure: 0.7,
  basis: '70 of 100 within 20 s',
};

function renderAs(caller: Caller) {
  const fake = fakeClient({
    'access/session': () => caller,
    'floor/snapshot': () => snapshot({ standards: evaluation, alerts: { open: [alert], unacknowledged: 1 } }),
    'standards/get': () => version,
    'standards/staffing': () => ({ intervalMinutes: 15, from: NOW - 3_600_000, to: NOW, rows: [] }),
  });
  render(
    <ClientProvider client={fake.client}>
      <App />
    </ClientProvider>,
  );
  return fake;
}

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

beforeEach(() => {
  window.location.hash = '#/';
});
afterEach(cleanup);

describe('a viewer', () => {
  it('sees the floor with its token in the header, and no Feeds or Access entry', async () => {
    renderAs(VIEWER);
    await screen.findByTestId('channel-tile-voice');
    expect(screen.getByTestId('session-badge').textContent).toBe('Viewer: wall 1');
    expect(screen.getByTestId('nav-floor')).toBeTruthy();
    expect(screen.getByTestId('nav-standards')).toBeTruthy();
    expect(screen.queryByTestId('nav-feeds')).toBeNull();
    expect(screen.queryByTestId('nav-access')).toBeNull();
  });

  it('is shown the floor for a bookmark of #/feeds or #/access', async () => {
    renderAs(VIEWER);
    await screen.findByTestId('channel-tile-voice');
    for (const hash of ['#/feeds', '#/access']) {
      await go(hash);
      expect(screen.queryByTestId('feeds-view')).toBeNull();
      expect(screen.queryByTestId('access-view')).toBeNull();
      expect(screen.getByTestId('channel-tile-voice')).toBeTruthy();
    }
  });

  it('reads the standards and alerts without Edit, drill, Acknowledge, Snooze or the zone form; calls only viewer methods', async () => {
    const fake = renderAs(VIEWER);
    await screen.findByTestId('channel-tile-voice');
    await go('#/standards');
    await screen.findByTestId('standards-matrix');
    const cell = screen.getByTestId(`cell-${voiceSl.id}-voice`);
    expect(cell.textContent).toContain('70');
    expect(cell.querySelector('button')).toBeNull();
    expect(screen.queryByTestId(`edit-${voiceSl.id}`)).toBeNull();
    expect(screen.getByTestId('alert-7').textContent).toContain(voiceSl.name);
    expect(screen.queryByTestId('ack-7')).toBeNull();
    expect(screen.queryByTestId('snooze-7')).toBeNull();
    expect(screen.queryByTestId(/^save-zone-/)).toBeNull();
    expect(fake.calls.length).toBeGreaterThan(2);
    expect(fake.calls.filter((c) => METHOD_ROLES[c.name] !== 'viewer')).toEqual([]);
  });
});

describe('an admin', () => {
  it('has every screen, Edit, drill, Acknowledge and Snooze, and no badge', async () => {
    renderAs(ADMIN);
    await screen.findByTestId('channel-tile-voice');
    expect(screen.getByTestId('nav-feeds')).toBeTruthy();
    expect(screen.getByTestId('nav-access').getAttribute('href')).toBe('#/access');
    expect(screen.queryByTestId('session-badge')).toBeNull();
    await go('#/standards');
    await screen.findByTestId('standards-matrix');
    expect(screen.getByTestId(`cell-${voiceSl.id}-voice`).querySelector('button')).toBeTruthy();
    expect(screen.getByTestId(`edit-${voiceSl.id}`)).toBeTruthy();
    expect(screen.getByTestId('ack-7')).toBeTruthy();
    expect(screen.getByTestId('snooze-7')).toBeTruthy();
  });
});
