// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FloorView } from '../../src/renderer/src/features/floor/floor-view';
import { NOW, queueLive, snapshot } from './fixtures';

// ECharts needs a canvas, which happy-dom lacks; the chart's option is tested on its own.
vi.mock('../../src/renderer/src/features/floor/intraday-chart', () => ({
  IntradayChart: () => <div data-testid="intraday-chart" />,
}));

afterEach(cleanup);

const renderFloor = (s = snapshot()) => render(<FloorView snapshot={s} connection="live" receivedAt={Date.now()} />);

describe('FloorView header', () => {
  it('shows the center clock in the center time zone and the last event age', () => {
    renderFloor(snapshot({ center: { ...snapshot().center, timeZone: 'America/New_York' }, lastEventAt: NOW - 42_000 }));
    expect(screen.getByTestId('center-clock').textContent).toBe('10:30:00');
    expect(screen.getByTestId('last-event').textContent).toBe('Last event42s ago');
    expect(screen.queryByTestId('stale-warning')).toBeNull();
  });

  it('warns that data may be stale when no event came for longer than staleAfterSeconds', () => {
    renderFloor(snapshot({ lastEventAt: NOW - 150_000, staleAfterSeconds: 120 }));
    const warning = screen.getByTestId('stale-warning');
    expect(warning.textContent).toBe('⚠No events for 2m — data may be stale');
    expect(warning.getAttribute('role')).toBe('alert');
  });

  it('does not warn at exactly staleAfterSeconds', () => {
    renderFloor(snapshot({ lastEventAt: NOW - 120_000, staleAfterSeconds: 120 }));
    expect(screen.queryByTestId('stale-warning')).toBeNull();
  });

  it('warns when no event has arrived at all', () => {
    renderFloor(snapshot({ lastEventAt: null }));
    expect(screen.getByTestId('stale-warning').textContent).toBe('⚠No events received yet — data may be stale');
    expect(screen.getByTestId('last-event').textContent).toBe('Last eventnone yet');
  });

  it('marks a simulated floor, and only a simulated one', () => {
    renderFloor(snapshot({ simulated: true }));
    expect(screen.getByTestId('simulated-badge').textContent).toBe('◇ SIMULATED FLOOR');
    cleanup();
    renderFloor(snapshot({ simulated: false }));
    expect(screen.queryByTestId('simulated-badge')).toBeNull();
  });

  it('shows ingest counts and a quarantine warning with the last source:position and reason', () => {
    renderFloor(
      snapshot({
        ingest: {
          accepted: 12345,
          duplicates: 2,
          quarantined: 3,
          lastQuarantine: { source: 'queue_log', position: 42, reason: 'unknown event FOO', text: 'x', at: NOW - 1000 },
        },
      }),
    );
    expect(screen.getByTestId('ingest-accepted').textContent).toBe('12,345');
    expect(screen.getByTestId('ingest-quarantined').textContent).toBe('⚠ 3');
    expect(screen.getByTestId('quarantine-warning').textContent).toBe(
      '⚠3 feed lines quarantined, not counted — last: queue_log:42 unknown event FOO',
    );
  });

  it('shows no quarantine warning when nothing was quarantined', () => {
    renderFloor();
    expect(screen.getByTestId('ingest-quarantined').textContent).toBe('0');
    expect(screen.queryByTestId('quarantine-warning')).toBeNull();
  });

  it('shows the connection state', () => {
    render(<FloorView snapshot={snapshot()} connection="disconnected" receivedAt={Date.now()} />);
    expect(screen.getByTestId('connection-state').textContent).toBe('✖ Disconnected — reconnecting');
  });
});

describe('FloorView tiles and agents', () => {
  it('names the standard that holds a channel tile below target, with its figure', () => {
    const result = (standardId: string, status: 'delight' | 'expected', figure: number) => ({
      standardId, key: 'voice', channel: 'voice' as const, queue: null, figure, status, attainment: null, basis: `basis of ${standardId}`, volume: 10, windowStart: NOW - 3_600_000, windowEnd: NOW,
    });
    const evaluation = {
      at: NOW, version: 1, channels: [], consistencyIndex: null, atRisk: [], notReadyByReason: [], hours: [], worst: null, staffing: [],
      results: [result('voice-sl', 'delight', 0.93), result('not-ready', 'expected', 0.174)],
      definitions: { 'voice-sl': { name: 'Voice: 80 % answered within 20 s', metric: 'service-level' as const }, 'not-ready': { name: 'Not-ready under 15 % of staffed time', metric: 'not-ready-share' as const } },
    };
    renderFloor(snapshot({ standards: evaluation }));
    const tile = screen.getByTestId('channel-tile-voice');
    expect(tile.getAttribute('data-status')).toBe('warn');
    expect(tile.querySelector('[data-testid="channel-cause"]')!.textContent).toBe('17.4% against “Not-ready under 15 % of staffed time”');
    // on target: no cause
    renderFloor(snapshot({ standards: { ...evaluation, results: [result('voice-sl', 'delight', 0.93)] } }));
    expect(screen.getAllByTestId('channel-tile-voice')[1].querySelector('[data-testid="channel-cause"]')).toBeNull();
  });

  it('says the last 7 days are loading while the host reads them, and no week result colours a tile', () => {
    const loading = { standardId: 'csat', key: 'voice', channel: 'voice' as const, queue: null, figure: null, status: 'no-data' as const, attainment: null, basis: 'loading the last 7 days', volume: 0, windowStart: NOW - 7 * 86_400_000, windowEnd: NOW };
    const evaluation = {
      at: NOW, version: 1, channels: [], consistencyIndex: null, atRisk: [], notReadyByReason: [], hours: [], worst: null, staffing: [],
      results: [loading], loadingFrom: Date.parse('2026-03-03T00:00:00Z'),
      definitions: { csat: { name: 'CSAT at least 80 %', metric: 'csat' as const, window: 'week' as const } },
    };
    renderFloor(snapshot({ standards: evaluation }));
    expect(screen.getByTestId('week-loading').textContent).toBe('…Loading the last 7 days: read back to Tue 3 Mar 00:00; the week\'s standards show no figure until then');
    expect(screen.getByTestId('channel-tile-voice').querySelector('[data-testid="channel-cause"]')).toBeNull();
    renderFloor(snapshot({ standards: { ...evaluation, loadingFrom: undefined } }));
    expect(screen.getAllByTestId('week-loading')).toHaveLength(1);
  });

  it('names the window of a cause beside it: the tile\'s big figures are today\'s', () => {
    const result = { standardId: 'csat', key: 'voice', channel: 'voice' as const, queue: null, figure: 0.72, status: 'breach' as const, attainment: null, basis: '40 answers', volume: 40, windowStart: NOW - 7 * 86_400_000, windowEnd: NOW };
    const evaluation = {
      at: NOW, version: 1, channels: [], consistencyIndex: null, atRisk: [], notReadyByReason: [], hours: [], worst: null, staffing: [],
      results: [result],
      definitions: { csat: { name: 'CSAT at least 80 %', metric: 'csat' as const, window: 'week' as const } },
    };
    renderFloor(snapshot({ standards: evaluation }));
    const tile = screen.getByTestId('channel-tile-voice');
    expect(tile.getAttribute('data-status')).toBe('alert');
    expect(tile.querySelector('[data-testid="channel-cause"]')!.textContent).toBe('Last 7 days: 72.0% against “CSAT at least 80 %”');
    expect(tile.getAttribute('aria-label')).toBe('Voice: below expected (last 7 days)');
  });

  it('always shows the four channel tiles in order, even when the snapshot lacks some', () => {
    const s = snapshot();
    renderFloor({ ...s, channels: [s.channels[0]] });
    const tiles = screen.getAllByTestId(/^channel-tile-/).map((t) => t.getAttribute('data-testid'));
    expect(tiles).toEqual(['channel-tile-voice', 'channel-tile-chat', 'channel-tile-email', 'channel-tile-message']);
    expect(screen.getByTestId('channel-tile-chat').textContent).toContain('no queues');
  });

  it('shows one tile per queue, ordered by channel then name', () => {
    const s = snapshot();
    renderFloor({ ...s, queues: [queueLive('SMS', 'message'), queueLive('Sales', 'voice'), ...s.queues] });
    const tiles = screen.getAllByTestId(/^queue-tile-/).map((t) => t.getAttribute('data-testid'));
    expect(tiles).toEqual(['queue-tile-Billing', 'queue-tile-Sales', 'queue-tile-SMS']);
  });

  it('summarizes agents by state and occupancy', () => {
    renderFloor(snapshot({ agentsByState: { available: 4, 'on-contact': 10, 'after-contact-work': 2, 'not-ready': 3, offline: 7 }, occupancy: 0.784 }));
    expect(screen.getByTestId('agents-available').textContent).toBe('● 4 Available');
    expect(screen.getByTestId('agents-not-ready').textContent).toBe('■ 3 Not ready');
    expect(screen.getByTestId('occupancy').textContent).toBe('78%');
    cleanup();
    renderFloor(snapshot({ occupancy: null }));
    expect(screen.getByTestId('occupancy').textContent).toBe('—');
  });
});
