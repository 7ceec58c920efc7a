/**
 * The engine's evaluations keep the settled contacts' figures of today's, the week's and the interval's windows
 * between evaluations (EvaluationCache). Whatever changes between two evaluations (answers, abandons, replies,
 * surveys, resolutions, an earlier queue entry, a contact moving queue, the clock), the cached evaluation must
 * equal one computed from scratch: checked here over random floors and random changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentContacts } from '../../src/core/metrics/recent-contacts';
import type { Contact } from '../../src/core/model/types';
import { defaultStandards } from '../../src/core/standards/defaults';
import { EvaluationCache, evaluateStandards, type FloorFacts } from '../../src/core/standards/evaluate';
import { standardsSetSchema, type StandardsSetInput } from '../../src/core/standards/standard';

const DAY_START = Date.parse('2026-03-04T00:00:00Z'); // a Wednesday
const S = 1000;
const QUEUES = ['V1', 'V2', 'C1', 'E1', 'M1'];
const channelOf = (q: string) => (q.startsWith('V') ? 'voice' : q.startsWith('C') ? 'chat' : q.startsWith('E') ? 'email' : 'message');

function standards() {
  const defaults = defaultStandards('UTC');
  const extra: StandardsSetInput['standards'] = [
    { id: 'p90-today', name: 'Wait p90 today', metric: 'wait-p90', scope: { kind: 'center' }, window: 'today', comparator: 'at-most', tiers: { expected: 120, desired: 60, delight: 30 } },
    { id: 'max-interval', name: 'Max wait interval', metric: 'max-wait', scope: { kind: 'center' }, window: 'interval', comparator: 'at-most', tiers: { expected: 300, desired: 120, delight: 60 } },
    { id: 'sl-queue', name: 'SL V1', metric: 'service-level', scope: { kind: 'queue', queue: 'V1' }, window: 'today', comparator: 'at-least', tiers: { expected: 0.7, desired: 0.8, delight: 0.9 }, options: { thresholdSeconds: 30 } },
    { id: 'fr-bots', name: 'FR bots', metric: 'first-response-within', scope: { kind: 'center' }, window: 'week', comparator: 'at-least', tiers: { expected: 0.7, desired: 0.8, delight: 0.9 }, options: { thresholdSeconds: 120, botRepliesCount: true } },
    { id: 'nrt-today', name: 'NRT today', metric: 'next-response-time', scope: { kind: 'center' }, window: 'today', comparator: 'at-most', tiers: { expected: 120, desired: 60, delight: 30 } },
    // rolling windows keep their later minutes merged: surveys and resolutions change counted contacts in place
    { id: 'csat-60m', name: 'CSAT 60 min', metric: 'csat', scope: { kind: 'center' }, window: 'rolling-60m', comparator: 'at-least', tiers: { expected: 0.7, desired: 0.8, delight: 0.9 } },
    { id: 'fcr-30m', name: 'FCR 30 min', metric: 'fcr', scope: { kind: 'channel', channel: 'chat' }, window: 'rolling-30m', comparator: 'at-least', tiers: { expected: 0.6, desired: 0.7, delight: 0.8 } },
    { id: 'p50-15m-queue', name: 'Wait p50 V2 15 min', metric: 'wait-p50', scope: { kind: 'queue', queue: 'V2' }, window: 'rolling-15m', comparator: 'at-most', tiers: { expected: 60, desired: 30, delight: 10 } },
    { id: 'frt-today', name: 'FRT today', metric: 'first-response-time', scope: { kind: 'channel', channel: 'email' }, window: 'today', comparator: 'at-most', tiers: { expected: 600, desired: 300, delight: 60 } },
  ];
  return standardsSetSchema.parse({ ...defaults, standards: [...defaults.standards, ...extra] });
}

/** A tiny deterministic generator, so a failing seed replays. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('evaluation cache', () => {
  it('gives the figures of an evaluation from scratch, whatever changed in between', () => {
    const set = standards();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const r = rng(seed);
        const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
        let now = DAY_START + 10 * 3600 * S;
        const recent = new RecentContacts(DAY_START - 8 * 86_400 * S);
        const byId = new Map<string, Contact>();
        const put = (c: Contact) => (byId.set(c.id, c), recent.set(c));
        const cache = new EvaluationCache();
        let version = 1;
        for (let step = 0; step < 30; step++) {
          now += Math.floor(r() * 240) * S;
          // new contacts, mostly recent, some earlier today or earlier in the week
          for (let n = Math.floor(r() * 12); n > 0; n--) {
            const queue = pick(QUEUES);
            const back = r() < 0.8 ? r() * 1800 : r() < 0.7 ? r() * 10 * 3600 : r() * 6 * 86_400;
            put({ id: `c${byId.size}`, channel: channelOf(queue), queue, agentId: null, queuedAt: now - Math.floor(back * S), answeredAt: null, firstResponseAt: null, abandonedAt: null, endedAt: null, wrapupEndAt: null });
          }
          // changes to existing contacts, as new objects (as the store hands them over)
          const ids = [...byId.keys()];
          for (let n = Math.floor(r() * 15); n > 0 && ids.length > 0; n--) {
            const c = byId.get(pick(ids))!;
            const at = Math.max(c.queuedAt, now - Math.floor(r() * 600 * S)) + (r() < 0.1 ? 120 * S : 0); // sometimes in the future
            const u = r();
            const next: Contact =
              u < 0.2 ? { ...c, answeredAt: c.answeredAt ?? at, agentId: 'a1' }
              : u < 0.3 ? { ...c, abandonedAt: c.abandonedAt ?? at }
              : u < 0.45 ? { ...c, firstResponseAt: c.firstResponseAt ?? at, turns: [...(c.turns ?? []), { at, by: 'agent' as const }].sort((a, b) => a.at - b.at) }
              : u < 0.5 ? { ...c, firstAutoResponseAt: c.firstAutoResponseAt ?? at }
              : u < 0.6 ? { ...c, turns: [...(c.turns ?? []), { at, by: 'customer' as const }].sort((a, b) => a.at - b.at) }
              : u < 0.7 ? { ...c, csat: 1 + Math.floor(r() * 5), nps: Math.floor(r() * 11) }
              : u < 0.78 ? { ...c, resolvedAt: at, firstContactResolution: r() < 0.6 }
              : u < 0.83 ? { ...c, endedAt: c.endedAt ?? at }
              : u < 0.86 ? { ...c, endedAt: c.endedAt ?? at, wrapupEndAt: (c.endedAt ?? at) + Math.floor(r() * 200 * S) }
              : u < 0.93 ? { ...c, queuedAt: c.queuedAt - Math.floor(r() * 300 * S) } // an earlier entry arrived late
              : { ...c, queue: pick(QUEUES.filter((q) => channelOf(q) === c.channel)) };
            put(next);
          }
          if (r() < 0.05) version++; // a new standards version: the cache starts afresh
          const facts = (): FloorFacts => ({
            now, dayStart: DAY_START, weekStart: DAY_START - 6 * 86_400_000, timeZone: 'UTC', intervalMinutes: 15, contacts: recent.values(),
            queues: QUEUES.map((name) => ({ name, channel: channelOf(name), timeZone: null, slThresholdSeconds: 20 })),
            waitingNow: [], agents: [],
          });
          const cached = evaluateStandards(set, version, { ...facts(), cache: { passes: cache, changed: recent.takeChanges(), rulesKey: String(version) } });
          const fresh = evaluateStandards(set, version, facts());
          expect(cached.results).toEqual(fresh.results);
          expect(cached.atRisk).toEqual(fresh.atRisk);
          expect(cached.channels).toEqual(fresh.channels);
          expect(cached.staffing).toEqual(fresh.staffing);
          expect(cached.worst).toEqual(fresh.worst);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('takes a held judgement out as it was added, after the instant it was held until has passed', () => {
    // A resolves and C ends 60 s after the first evaluation: their judgements are held (summed once) until then.
    // B and D wait longer and hold later instants, so taking A or C out does not rebuild the sums; taken out at
    // the later clock, A's resolution and C's handle time would be subtracted without ever having been added.
    const t0 = DAY_START + 10 * 3600 * S;
    const set = standardsSetSchema.parse({
      ...defaultStandards('UTC'),
      standards: [{ id: 'fcr-today', name: 'FCR today', metric: 'fcr', scope: { kind: 'center' }, window: 'today', comparator: 'at-least', tiers: { expected: 0.6, desired: 0.7, delight: 0.8 } }],
    });
    const base = { channel: 'voice', queue: 'V1', agentId: 'a1', firstResponseAt: null, abandonedAt: null, wrapupEndAt: null } as const;
    const contacts: Contact[] = [
      { ...base, id: 'A', queuedAt: t0 - 200 * S, answeredAt: t0 - 190 * S, endedAt: t0 - 100 * S, resolvedAt: t0 + 60 * S, firstContactResolution: true },
      { ...base, id: 'B', queuedAt: t0 - 500 * S, answeredAt: t0 - 300 * S, endedAt: t0 - 100 * S, resolvedAt: t0 + 3600 * S, firstContactResolution: false },
      { ...base, id: 'C', queuedAt: t0 - 100 * S, answeredAt: t0 - 95 * S, endedAt: t0 + 60 * S },
      { ...base, id: 'D', queuedAt: t0 - 900 * S, answeredAt: t0 - 600 * S, endedAt: t0 + 3600 * S },
    ];
    const facts = (now: number): FloorFacts => ({
      now, dayStart: DAY_START, weekStart: DAY_START - 6 * 86_400_000, timeZone: 'UTC', intervalMinutes: 15, contacts, waitingNow: [], agents: [],
      queues: [{ name: 'V1', channel: 'voice', timeZone: null, slThresholdSeconds: 20 }],
    });
    const cache = new EvaluationCache();
    evaluateStandards(set, 1, { ...facts(t0), cache: { passes: cache, changed: null, rulesKey: '1' } });
    const now = t0 + 120 * S;
    const cached = evaluateStandards(set, 1, { ...facts(now), cache: { passes: cache, changed: [], rulesKey: '1' } });
    const fresh = evaluateStandards(set, 1, facts(now));
    // by hand: A resolved on first contact, B not resolved yet: FCR 1 of 1; handle time A 90 s, B 200 s, C 155 s
    expect(fresh.results.find((r) => r.key === 'center')!.figure).toBe(1);
    expect(fresh.staffing.find((x) => x.channel === 'voice')!.ahtSeconds).toBeCloseTo((90 + 200 + 155) / 3, 6);
    expect(cached.results).toEqual(fresh.results);
    expect(cached.staffing).toEqual(fresh.staffing);
  });

  it('lets go of waiting contacts a rolling window slid past, in every pass of that window', () => {
    // two rolling passes of the same window (T 20 s and 30 s): only one tallies the waiting contacts (see
    // waitingTally), the other must still let go of those the window slid past
    const t0 = DAY_START + 10 * 3600 * S;
    const sl = (id: string, T: number) => ({ id, name: id, metric: 'service-level' as const, scope: { kind: 'center' as const }, window: 'rolling-15m' as const, comparator: 'at-least' as const, tiers: { expected: 0.7, desired: 0.8, delight: 0.9 }, options: { thresholdSeconds: T } });
    const set = standardsSetSchema.parse({ ...defaultStandards('UTC'), standards: [sl('a', 20), sl('b', 30)] });
    const contacts: Contact[] = Array.from({ length: 50 }, (_, i) => ({ id: `w${i}`, channel: 'voice', queue: 'V1', agentId: null, queuedAt: t0 - (i + 1) * S, answeredAt: null, firstResponseAt: null, abandonedAt: null, endedAt: null, wrapupEndAt: null }));
    const facts = (now: number): FloorFacts => ({ now, dayStart: DAY_START, weekStart: DAY_START - 6 * 86_400_000, timeZone: 'UTC', intervalMinutes: 15, contacts, queues: [{ name: 'V1', channel: 'voice', timeZone: null, slThresholdSeconds: 20 }], waitingNow: [], agents: [] });
    const cache = new EvaluationCache();
    let changed: Contact[] | null = null;
    for (let now = t0; now <= t0 + 3600 * S; now += 5 * S) {
      const result = evaluateStandards(set, 1, { ...facts(now), cache: { passes: cache, changed, rulesKey: '1' } });
      changed = [];
      if (now === t0 + 3600 * S) expect(result.results).toEqual(evaluateStandards(set, 1, facts(now)).results);
    }
    const rolling = [...cache.entries].filter(([k]) => k.startsWith('rolling'));
    expect(rolling).toHaveLength(2);
    for (const [, e] of rolling) expect(e.waiting.size).toBe(0);
  });
});
