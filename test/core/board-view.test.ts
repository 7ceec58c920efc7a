/**
 * A board's view of the floor (issue 16, points 3 and 4): a board gets what its tiles show and nothing else; agents'
 * names only where the board shows them; never a path, a raw line or a feed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardSnapshot } from '../../src/core/boards/board-view';
import { defaultBoard } from '../../src/core/boards/default-board';
import type { FloorSnapshot } from '../../src/shared/api';
import type { Board, BoardTile } from '../../src/shared/boards';
import type { StandardResult, StandardsEvaluation } from '../../src/shared/standards';
import { testEngine } from '../helpers/engine';
import { at, ev, lines, T0 } from '../helpers/events';

let t: ReturnType<typeof testEngine>;
afterEach(() => t?.close());

const result = (standardId: string, key: string): StandardResult => ({
  standardId,
  key,
  channel: null,
  queue: null,
  figure: 0.8,
  status: 'desired',
  attainment: 1,
  basis: '8 of 10',
  volume: 10,
  windowStart: T0,
  windowEnd: at(600),
});

/** The floor with two voice queues and a chat queue, two agents, a quarantined line and an open alert. */
function floor(): FloorSnapshot {
  t = testEngine(T0);
  t.engine.ingestNdjson('pbx', lines([ev.agent(0, 'alice', 'available'), ev.agent(0, 'bob', 'available'), ev.queued(10, 'v1', 'Sales'), ev.queued(12, 'v2', 'Billing'), ev.queued(15, 'c1', 'Web', 'chat'), ev.answered(20, 'v1', 'alice')]));
  t.engine.ingestNdjson('pbx', [{ position: 100, text: '{"not": "an event"}' }]);
  t.clock.set(at(600));
  const s = t.engine.snapshot();
  const standards: StandardsEvaluation = {
    at: at(600),
    version: 1,
    results: [result('voice-sl', 'voice'), result('voice-sl', 'queue:Sales'), result('voice-sl', 'queue:Billing'), result('chat-fr', 'chat'), result('abandon', 'center')],
    definitions: { 'voice-sl': { name: 'Voice SL', metric: 'service-level' }, 'chat-fr': { name: 'Chat FR', metric: 'first-response-within' }, abandon: { name: 'Abandons', metric: 'abandon-rate' } },
    channels: [{ channel: 'voice', attainment: 1, volume: 2, measured: 1 }, { channel: 'chat', attainment: 1, volume: 1, measured: 1 }],
    consistencyIndex: 1,
    atRisk: [{ standardId: 'chat-fr', channel: 'chat', count: 1, nextDeadline: at(660) }],
    notReadyByReason: [{ reason: 'lunch', seconds: 60, share: 0.1 }],
    hours: [{ channel: 'voice', calendar: 'phones', open: true, nextChange: null }, { channel: 'chat', calendar: 'phones', open: true, nextChange: null }],
    worst: null,
    staffing: [],
  };
  const alert = { id: 1, standardId: 'abandon', standardName: 'Abandons', key: 'center', channel: null, queue: null, breachStartedAt: T0, firedAt: T0, resolvedAt: null, acknowledgedAt: null, snoozedUntil: null, figure: 0.2, basis: '2 of 10' };
  return { ...s, standards, alerts: { open: [alert], unacknowledged: 1 } };
}

const oneTileBoard = (tile: Partial<BoardTile>, showNames = false): Board => ({
  name: 'wall',
  title: 'Wall',
  theme: 'dark',
  showNames,
  jumpOnBreach: false,
  pages: [{ title: 'One', columns: 1, rows: 1, dwellSeconds: 30, tiles: [{ kind: 'alerts', column: 1, row: 1, columnSpan: 1, rowSpan: 1, ...tile }] }],
});

describe("a board's snapshot", () => {
  it('with one queue tile holds that queue, its results and its channel hours, and nothing else of the floor', () => {
    const s = floor();
    expect(s.queues.map((q) => q.name).sort()).toEqual(['Billing', 'Sales', 'Web']);
    expect(s.agents).toHaveLength(2);
    expect(s.ingest.quarantined).toBe(1);
    const b = boardSnapshot(s, oneTileBoard({ kind: 'queue', queue: 'Sales' }));
    expect(b.queues.map((q) => q.name)).toEqual(['Sales']);
    expect(b.channels).toEqual([]);
    expect(b.agents).toEqual([]);
    expect(b.longestWaiting).toEqual({ total: 0, contacts: [] });
    expect(Object.values(b.agentsByState).every((n) => n === 0)).toBe(true);
    expect(b.intervals.points).toEqual([]);
    expect(b.alerts).toEqual({ open: [], unacknowledged: 0 });
    expect(b.feeds).toEqual([]);
    expect(b.ingest).toEqual({ accepted: 0, duplicates: 0, quarantined: 0, lastQuarantine: null });
    expect(b.occupancy).toBeNull();
    expect(b.standards).toMatchObject({ results: [{ standardId: 'voice-sl', key: 'queue:Sales' }], definitions: { 'voice-sl': { name: 'Voice SL' } }, channels: [], atRisk: [], notReadyByReason: [], consistencyIndex: null });
    expect(b.standards!.hours.map((h) => h.channel)).toEqual(['voice']);
    expect(Object.keys(b.standards!.definitions!)).toEqual(['voice-sl']);
  });

  it('with a standard tile holds that one cell', () => {
    const b = boardSnapshot(floor(), oneTileBoard({ kind: 'standard', standardId: 'voice-sl', standardKey: 'queue:Billing' }));
    expect(b.standards!.results.map((r) => `${r.standardId} ${r.key}`)).toEqual(['voice-sl queue:Billing']);
    expect(b.queues).toEqual([]);
  });

  it('holds agents only with an agents tile, and their names only where the board shows them', () => {
    const s = floor();
    const hidden = boardSnapshot(s, oneTileBoard({ kind: 'agents' }));
    // no rows at all without names: not their ids, states or contacts either; the counts by state stay
    expect(hidden.agents).toEqual([]);
    expect(JSON.stringify(hidden)).not.toMatch(/ALICE|BOB/);
    expect(hidden.agentsByState.available + hidden.agentsByState['on-contact']).toBe(2);
    expect(boardSnapshot(s, oneTileBoard({ kind: 'agents' }, true)).agents.map((a) => a.name).sort()).toEqual(['ALICE', 'BOB']);
    expect(boardSnapshot(s, oneTileBoard({ kind: 'intraday' })).agents).toEqual([]);
  });

  it('of the floor board holds every channel, the center, the contacts at risk and the alerts, and no feed or raw line', () => {
    const s = floor();
    const b = boardSnapshot(s, defaultBoard());
    expect(b.channels.map((c) => c.channel)).toEqual(s.channels.map((c) => c.channel));
    expect(b.queues).toEqual([]);
    expect(b.standards!.results.map((r) => r.key)).toEqual(['voice', 'chat', 'center']);
    expect(b.standards!.atRisk).toHaveLength(1);
    // the waiting tile's contacts: v2 and c1 still wait, every queue's, though the board has no queue tile
    expect(b.longestWaiting.contacts.map((c) => c.queue)).toEqual(['Billing', 'Web']);
    expect(b.alerts.open).toHaveLength(1);
    expect(b.intervals.points).toBe(s.intervals.points);
    expect(b.feeds).toEqual([]);
    expect(JSON.stringify(b)).not.toContain('not": "an event');
  });
});
