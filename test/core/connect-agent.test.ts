/**
 * Amazon Connect agent event stream: a morning of three agents in real-format records (test/fixtures/connect,
 * built from the AgentEvent shape in the Amazon Connect admin guide) through the engine, checked against state
 * times worked out by hand below; then the derivation rules one by one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { AGENT_IGNORED, createConnectAgentAdapter } from '../../src/core/ingest/connect-agent';
import { numberLines } from '../../src/core/ingest/source-lines';
import type { AgentState } from '../../src/shared/api';
import { testEngine } from '../helpers/engine';

export const AGENT_FILE = join(__dirname, '..', 'fixtures', 'connect', 'agent-events-2026-03-02.jsonl');
const text = readFileSync(AGENT_FILE, 'utf8');
const at = (hms: string) => Date.parse(`2026-03-02T${hms}Z`);
const NOW = at('10:30:00');

/*
 * The fixture, 45 records (2026-03-02 UTC). State changes (-> the event emitted, its ts):
 * alice (voice): LOGIN Available 08:55:00; HEART_BEAT 08:57; contact S1 CONNECTING 09:01:10 (no change);
 *   CONNECTED 09:01:15 -> on-contact; hold 09:03:00 and back 09:03:30 (no change); ENDED 09:05:00 -> ACW;
 *   no contacts 09:05:30 -> available (status Available set at 08:55, so the event time); HEART_BEAT 09:07:30;
 *   Lunch 09:10:00 -> not-ready Lunch; HEART_BEAT 09:12; Available 09:33:00; P5 CONNECTED 09:33:10; ENDED 09:41:00;
 *   no contacts 09:41:45 -> available; LOGOUT 10:00:00 -> offline; HEART_BEAT 10:02 after logout (no change).
 * bob (voice, email): LOGIN with status Offline 08:57:00 -> offline; Available 08:58:00; HEART_BEAT 09:00;
 *   S5 (callback) CONNECTED 09:20:10; then the INCOMING record of 09:19:50 delivered late -> 'older event';
 *   ENDED 09:26:00; no contacts 09:26:20 -> available; S7 CONNECTED 09:46:30; ENDED 09:52:00; none 09:52:40;
 *   S6 email CONNECTED 09:58:00; status Break chosen at 10:01:00 while on S6 (no change: still on contact);
 *   S6 ENDED 10:02:00 -> ACW; no contacts 10:02:30 -> not-ready Break at 10:02:30 (not the status's 10:01:00).
 * carol (chat 3, task, email): LOGIN Available 09:00:00; P1 chat CONNECTED 09:16:45; ENDED 09:30:00; none 09:31:00;
 *   P3 task CONNECTED 09:40:00; + P4 email 09:50:00 (no change); P3 ENDED with P4 connected 09:55:00 (no change:
 *   still on contact); P4 alone 09:55:30 (no change); P4 ENDED 10:05:00 -> ACW; none 10:06:00 -> available;
 *   HEART_BEATs 10:08, 10:10; status Offline 10:15:00 -> offline; LOGOUT 10:16:00 (no change).
 */

function ingestFixture() {
  const t = testEngine(NOW);
  const adapter = createConnectAgentAdapter(t.engine.adapterContext);
  const summary = t.engine.ingestWith(adapter, 'connect-agent', numberLines(text));
  return { ...t, adapter, summary };
}

/** Seconds per state today for one agent, from the stored state history, the open state counted up to NOW. */
function stateSeconds(engine: ReturnType<typeof testEngine>['engine'], agentId: string): Partial<Record<AgentState, number>> {
  const out: Partial<Record<AgentState, number>> = {};
  for (const s of engine.store.agentStatesSince(at('00:00:00'))) {
    if (s.agentId !== agentId) continue;
    out[s.state] = (out[s.state] ?? 0) + ((s.end ?? NOW) - s.start) / 1000;
  }
  return out;
}

describe('Amazon Connect agent event stream: a morning of three agents', () => {
  it('reads all 45 records: 29 state changes, the rest counted as heartbeats, no change or late', () => {
    const { summary, adapter, engine, close } = ingestFixture();
    expect(summary).toEqual({ accepted: 45, events: 29, duplicates: 0, quarantined: 0, errors: [] });
    // alice 10 changes (available, on-contact, ACW, available, Lunch, available, on-contact, ACW, available, offline),
    // bob 11 (offline, available, then 3 x on-contact/ACW/available-or-Break), carol 8: 29 events.
    expect(engine.snapshot().ingest.accepted).toBe(29);
    // heartbeats: alice 4, bob 1, carol 2; no change: alice 3, bob 1, carol 4; late: bob's 09:19:50.
    expect(Object.fromEntries(adapter.ignored)).toEqual({ [AGENT_IGNORED.heartbeat]: 7, [AGENT_IGNORED.unchanged]: 8, [AGENT_IGNORED.olderEvent]: 1 });
    close();
  });

  it('shows each agent in its current state since the right moment, with name and channels', () => {
    const { engine, close } = ingestFixture();
    const snap = engine.snapshot();
    const rows = Object.fromEntries(snap.agents.map((a) => [a.id, [a.name, a.state, a.reason, a.since, a.channels]]));
    expect(rows).toEqual({
      alice: ['Alice Archer', 'offline', null, at('10:00:00'), ['voice']],
      bob: ['Bob Baker', 'not-ready', 'Break', at('10:02:30'), ['voice', 'email']],
      carol: ['Carol Chen', 'offline', null, at('10:15:00'), ['chat', 'email', 'message']],
    });
    expect(snap.agentsByState).toEqual({ available: 0, 'on-contact': 0, 'after-contact-work': 0, 'not-ready': 1, offline: 2 });
    close();
  });

  it('gives time in state per agent', () => {
    const { engine, close } = ingestFixture();
    expect(stateSeconds(engine, 'alice')).toEqual({
      // 08:55:00-09:01:15 375 + 09:05:30-09:10:00 270 + 09:33:00-09:33:10 10 + 09:41:45-10:00:00 1095
      available: 1750,
      // 09:01:15-09:05:00 225 + 09:33:10-09:41:00 470
      'on-contact': 695,
      // 09:05:00-09:05:30 30 + 09:41:00-09:41:45 45
      'after-contact-work': 75,
      // Lunch 09:10:00-09:33:00
      'not-ready': 1380,
      // 10:00:00 to now 10:30:00
      offline: 1800,
    });
    expect(stateSeconds(engine, 'bob')).toEqual({
      offline: 60, // 08:57-08:58
      available: 2860, // 08:58:00-09:20:10 1330 + 09:26:20-09:46:30 1210 + 09:52:40-09:58:00 320
      'on-contact': 920, // 09:20:10-09:26:00 350 + 09:46:30-09:52:00 330 + 09:58:00-10:02:00 240
      'after-contact-work': 90, // 20 + 40 + 30
      'not-ready': 1650, // Break 10:02:30 to now
    });
    expect(stateSeconds(engine, 'carol')).toEqual({
      available: 2085, // 09:00:00-09:16:45 1005 + 09:31-09:40 540 + 10:06-10:15 540
      'on-contact': 2295, // 09:16:45-09:30:00 795 + 09:40:00-10:05:00 1500 (task, then email, unbroken)
      'after-contact-work': 120, // 09:30-09:31 + 10:05-10:06
      offline: 900, // 10:15 to now
    });
    // Occupancy = (on-contact + ACW) / (on-contact + ACW + available)
    //           = (695 + 920 + 2295 + 75 + 90 + 120) / (4195 + 1750 + 2860 + 2085) = 4195 / 10890
    expect(engine.snapshot().occupancy).toBeCloseTo(4195 / 10890, 12);
    close();
  });

  it('re-ingesting the file changes nothing: every line a duplicate, the same states', () => {
    const t = ingestFixture();
    const before = t.engine.snapshot();
    const again = t.engine.ingestWith(createConnectAgentAdapter(t.engine.adapterContext), 'connect-agent', numberLines(text));
    expect(again).toEqual({ accepted: 0, events: 0, duplicates: 45, quarantined: 0, errors: [] });
    const after = t.engine.snapshot();
    expect(after.agents).toEqual(before.agents);
    expect(after.occupancy).toBe(before.occupancy);
    expect(stateSeconds(t.engine, 'bob')['not-ready']).toBe(1650);
    t.close();
  });
});

// ---- the derivation rules, one record at a time ----
const ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/a-guid';
function record(o: {
  type?: string;
  id?: string;
  at?: string;
  status?: string | null;
  statusType?: string;
  statusStart?: string;
  contacts?: [string, string][];
  previousContacts?: number;
  username?: string | null;
}) {
  return {
    AWSAccountId: '123456789012',
    AgentARN: ARN,
    EventId: o.id ?? 'e-1',
    EventTimestamp: `2026-03-02T${o.at ?? '09:00:00'}.000Z`,
    EventType: o.type ?? 'STATE_CHANGE',
    CurrentAgentSnapshot: {
      AgentStatus: o.status === null ? null : { Name: o.status ?? 'Available', Type: o.statusType, StartTimestamp: `2026-03-02T${o.statusStart ?? '08:00:00'}.000Z` },
      Configuration: { Username: o.username === undefined ? 'dana' : o.username, FirstName: 'Dana', LastName: 'Diaz' },
      Contacts: (o.contacts ?? []).map(([State, start], i) => ({ ContactId: `c-${i}`, Channel: 'VOICE', State, StateStartTimestamp: `2026-03-02T${start}.000Z`, Queue: { Name: 'Sales' } })),
    },
    PreviousAgentSnapshot: o.previousContacts ? { Contacts: Array.from({ length: o.previousContacts }, () => ({})) } : null,
    Version: '2019-05-25',
  };
}
const noCtx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };
function one(adapter: ReturnType<typeof createConnectAgentAdapter>, r: unknown, position = 1) {
  return adapter.parse([{ position, text: JSON.stringify(r) }])[0];
}
const stateOfLine = (l: ReturnType<typeof one>) =>
  l.reason ?? (l.events ?? []).map((e) => (e.type === 'agent.state' ? [e.state, e.reason ?? null, new Date(e.ts).toISOString().slice(11, 19)] : e.type));

describe('Amazon Connect agent event stream: derivation rules', () => {
  it('derives the state from the snapshot', () => {
    const cases: [Parameters<typeof record>[0], unknown][] = [
      [{ type: 'LOGOUT', at: '09:00:05' }, ['offline', null, '09:00:05']],
      [{ contacts: [['CONNECTED', '08:59:00']] }, ['on-contact', null, '08:59:00']],
      [{ contacts: [['CONNECTED_ONHOLD', '08:59:30']] }, ['on-contact', null, '08:59:30']],
      [{ contacts: [['ENDED', '08:59:40'], ['CONNECTED', '08:58:00']] }, ['on-contact', null, '08:58:00']],
      [{ contacts: [['ENDED', '08:59:40']] }, ['after-contact-work', null, '08:59:40']],
      [{ contacts: [['AfterContactWork', '08:59:41']] }, ['after-contact-work', null, '08:59:41']],
      [{ status: 'AfterContactWork' }, ['after-contact-work', null, '09:00:00']],
      [{ status: 'Available', statusType: 'ROUTABLE' }, ['available', null, '08:00:00']],
      [{ status: 'Available' }, ['available', null, '08:00:00']],
      [{ status: 'Offline', statusType: 'OFFLINE' }, ['offline', null, '08:00:00']],
      [{ status: 'Gone home', statusType: 'OFFLINE' }, ['offline', null, '08:00:00']],
      [{ status: 'Training', statusType: 'CUSTOM' }, ['not-ready', 'Training', '08:00:00']],
      [{ contacts: [['CONNECTING', '08:59:55']] }, ['available', null, '08:00:00']],
      [{ contacts: [['MISSED', '08:59:55']], status: 'Break' }, ['not-ready', 'Break', '08:00:00']],
      [{ previousContacts: 1, at: '09:00:07' }, ['available', null, '09:00:07']],
    ];
    for (const [r, expected] of cases) {
      const line = one(createConnectAgentAdapter(noCtx), record(r));
      expect(stateOfLine(line), JSON.stringify(r)).toEqual([expected]);
    }
  });

  it('names the event after the EventId, and takes name and capacity from the configuration', () => {
    const a = createConnectAgentAdapter(noCtx);
    const r = record({ id: 'ev-42' });
    (r.CurrentAgentSnapshot.Configuration as Record<string, unknown>).RoutingProfile = {
      Name: 'P',
      Concurrency: [{ Channel: 'VOICE', Concurrency: 1 }, { Channel: 'CHAT', Concurrency: 2 }, { Channel: 'PIGEON', Concurrency: 9 }, { Channel: 'constructor', Concurrency: 9 }],
    };
    expect(one(a, r).events?.[0]).toEqual({
      v: 1,
      id: 'aes:ev-42',
      type: 'agent.state',
      ts: at('08:00:00'),
      agentId: 'dana',
      name: 'Dana Diaz',
      state: 'available',
      capacity: { voice: 1, chat: 2 },
    });
  });

  it('uses the AgentARN tail when there is no Username; refuses a record with neither', () => {
    const a = createConnectAgentAdapter(noCtx);
    expect(one(a, record({ username: null })).events?.[0]).toMatchObject({ agentId: 'a-guid' });
    const none = { ...record({ username: null, id: 'e-2' }), AgentARN: undefined };
    expect(one(a, none).reason).toMatch(/Username: missing/);
  });

  it('heartbeats: nothing while the state holds, after a restart too (asking the context); a change still emits', () => {
    const a = createConnectAgentAdapter(noCtx);
    expect(stateOfLine(one(a, record({ id: 'e-1' })))).toEqual([['available', null, '08:00:00']]);
    expect(one(a, record({ type: 'HEART_BEAT', id: 'e-2', at: '09:02:00' })).events).toEqual([]);
    expect(a.ignored.get(AGENT_IGNORED.heartbeat)).toBe(1);

    // A new adapter (the app restarted): the context knows dana is available.
    const restarted = createConnectAgentAdapter({ ...noCtx, agentState: (id) => (id === 'dana' ? { state: 'available', reason: null } : null) });
    expect(one(restarted, record({ type: 'HEART_BEAT', id: 'e-3', at: '09:04:00' })).events).toEqual([]);
    // The STATE_CHANGE to Break was lost upstream: the next heartbeat shows it, emits it, and still counts as a beat.
    const beat = one(restarted, record({ type: 'HEART_BEAT', id: 'e-4', at: '09:06:00', status: 'Break', statusStart: '09:05:00' }));
    expect(stateOfLine(beat)).toEqual([['not-ready', 'Break', '09:05:00']]);
    expect(restarted.ignored.get(AGENT_IGNORED.heartbeat)).toBe(2);
  });

  it('heartbeats say an unchanged state again once it is 6 hours old, so an agent available all day never falls silent', () => {
    const a = createConnectAgentAdapter(noCtx);
    expect(stateOfLine(one(a, record({ id: 'e-1' })))).toEqual([['available', null, '08:00:00']]);
    expect(one(a, record({ type: 'HEART_BEAT', id: 'e-2', at: '13:58:00' })).events).toEqual([]);
    expect(stateOfLine(one(a, record({ type: 'HEART_BEAT', id: 'e-3', at: '14:00:00' })))).toEqual([['available', null, '14:00:00']]);
    expect(one(a, record({ type: 'HEART_BEAT', id: 'e-4', at: '14:02:00' })).events).toEqual([]);
    // after a restart, by the context's since
    const restarted = createConnectAgentAdapter({ ...noCtx, agentState: () => ({ state: 'available', reason: null, since: at('08:00:00') }) });
    expect(stateOfLine(one(restarted, record({ type: 'HEART_BEAT', id: 'e-5', at: '14:30:00' })))).toEqual([['available', null, '14:30:00']]);
  });

  it('a reason change is a change; a status set during contact work counts from the moment the work ends', () => {
    const a = createConnectAgentAdapter(noCtx);
    expect(stateOfLine(one(a, record({ id: 'e-1', status: 'Break', statusStart: '09:00:00' })))).toEqual([['not-ready', 'Break', '09:00:00']]);
    expect(stateOfLine(one(a, record({ id: 'e-2', at: '09:10:00', status: 'Lunch', statusStart: '09:10:00' })))).toEqual([['not-ready', 'Lunch', '09:10:00']]);
    expect(stateOfLine(one(a, record({ id: 'e-3', at: '09:20:00', status: 'Lunch', statusStart: '09:10:00', contacts: [['CONNECTED', '09:20:00']] })))).toEqual([
      ['on-contact', null, '09:20:00'],
    ]);
    // No PreviousAgentSnapshot here: the adapter's memory alone keeps the state from starting before the contact.
    expect(stateOfLine(one(a, record({ id: 'e-4', at: '09:25:00', status: 'Lunch', statusStart: '09:10:00' })))).toEqual([['not-ready', 'Lunch', '09:25:00']]);
  });

  it('skips records older than the newest seen for the agent, and other event types', () => {
    const a = createConnectAgentAdapter(noCtx);
    one(a, record({ id: 'e-1', at: '09:10:00', status: 'Break', statusStart: '09:10:00' }));
    expect(one(a, record({ id: 'e-0', at: '09:05:00' })).events).toEqual([]);
    expect(one(a, record({ id: 'e-9', type: 'AGENT_PREFERENCE_UPDATE', at: '09:11:00' })).events).toEqual([]);
    expect(Object.fromEntries(a.ignored)).toEqual({ [AGENT_IGNORED.olderEvent]: 1, [AGENT_IGNORED.otherType]: 1 });
  });

  it('refuses what it cannot read, with a reason', () => {
    const a = createConnectAgentAdapter(noCtx);
    const bad: unknown[] = [
      { ...record({}), EventId: undefined },
      { ...record({}), EventTimestamp: 'yesterday' },
      { ...record({}), CurrentAgentSnapshot: undefined },
      record({ status: null }),
      { ...record({}), CurrentAgentSnapshot: { ...record({}).CurrentAgentSnapshot, Contacts: [{ State: 7 }] } },
      { ...record({}), EventType: 42 },
    ];
    const reasons = bad.map((r, i) => one(a, r, i + 1).reason);
    expect(reasons.every((r) => typeof r === 'string' && r.length > 0), JSON.stringify(reasons)).toBe(true);
    expect(reasons[2]).toBe('CurrentAgentSnapshot: missing');
    expect(reasons[3]).toBe('CurrentAgentSnapshot.AgentStatus: missing');
    expect(a.parse([{ position: 9, text: 'not json' }])[0].reason).toMatch(/^not JSON/);
  });
});
