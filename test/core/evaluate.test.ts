/**
 * Standards evaluated on a hand-built floor: each figure, tier and attainment computed by hand, the staffing gap
 * by Erlang C, the consistency index across channels, and the driver of the worst channel.
 */
import { describe, expect, it } from 'vitest';
import { defaultStandards } from '../../src/core/standards/defaults';
import { drillDown } from '../../src/core/standards/drill';
import { evaluateStandards, type FloorFacts } from '../../src/core/standards/evaluate';
import { standardsSetSchema } from '../../src/core/standards/standard';
import type { Contact } from '../../src/core/model/types';

const NOW = Date.parse('2026-03-04T12:00:00Z'); // a Wednesday
const DAY_START = Date.parse('2026-03-04T00:00:00Z');
const S = 1000;
const M = 60 * S;

const contact = (id: string, channel: Contact['channel'], queuedAt: number, o: Partial<Contact> = {}): Contact => ({
  id, channel, queue: channel === 'voice' ? 'Billing' : `${channel}-q`, agentId: null, queuedAt, answeredAt: null,
  firstResponseAt: null, abandonedAt: null, endedAt: null, wrapupEndAt: null, ...o,
});
const zero = { available: 0, 'on-contact': 0, 'after-contact-work': 0, 'not-ready': 0, offline: 0 };

function facts(contacts: Contact[], over: Partial<FloorFacts> = {}): FloorFacts {
  return {
    now: NOW, dayStart: DAY_START, weekStart: DAY_START - 6 * 86_400_000, timeZone: 'UTC', intervalMinutes: 15, contacts,
    queues: [
      { name: 'Billing', channel: 'voice', timeZone: null, slThresholdSeconds: 20 },
      { name: 'chat-q', channel: 'chat', timeZone: null, slThresholdSeconds: 60 },
      { name: 'email-q', channel: 'email', timeZone: null, slThresholdSeconds: 86_400 },
    ],
    waitingNow: [{ queue: 'Billing', channel: 'voice', longestWaitNowSeconds: 42 }],
    agents: [],
    ...over,
  };
}

const only = (set: ReturnType<typeof defaultStandards>, ids: string[]) => ({ ...set, standards: set.standards.filter((s) => ids.includes(s.id)) });

describe('standards evaluation', () => {
  it('voice service level over the last 30 minutes: 3 of 4 within 20 s is 75 %, the expected tier, 93.75 % of target', () => {
    // In the window: A, B, C answered after 10, 15, 18 s; D abandoned after 2 s (short); E answered after 40 s.
    // F queued 40 min ago: outside the window.
    const t0 = NOW - 20 * M;
    const cs = [
      contact('A', 'voice', t0, { answeredAt: t0 + 10 * S }),
      contact('B', 'voice', t0, { answeredAt: t0 + 15 * S }),
      contact('C', 'voice', t0, { answeredAt: t0 + 18 * S }),
      contact('D', 'voice', t0, { abandonedAt: t0 + 2 * S }),
      contact('E', 'voice', t0, { answeredAt: t0 + 40 * S }),
      contact('F', 'voice', NOW - 40 * M, { abandonedAt: NOW - 39 * M }),
    ];
    // A, B, C within 20 s; E late; D a short abandon: 3 / (4 answered + 1 abandoned - 1 short) = 3/4
    const ev = evaluateStandards(only(defaultStandards('UTC'), ['voice-service-level']), 1, facts(cs));
    const [r] = ev.results;
    expect(r).toMatchObject({ standardId: 'voice-service-level', key: 'voice', figure: 0.75, status: 'expected', volume: 5 });
    expect(r.attainment).toBeCloseTo(0.75 / 0.8, 12);
    expect(r.basis).toMatch(/^3 answered within 20s of 5 offered/);
    expect(r.windowStart).toBe(NOW - 30 * M);

    // the drill-down of that cell: the 5 contacts, the one that missed first, the short abandon not counted
    const d = drillDown(only(defaultStandards('UTC'), ['voice-service-level']), 1, 'voice-service-level', 'voice', facts(cs))!;
    expect(d).toMatchObject({ total: 5, from: NOW - 30 * M, to: NOW, intervalMinutes: 15, note: null });
    expect(d.contacts.map((c) => [c.id, c.met, c.waitSeconds])).toEqual([
      ['E', false, 40],
      ['C', true, 18],
      ['B', true, 15],
      ['A', true, 10],
      ['D', null, 2],
    ]);
    // all five entered at 11:40: one interval, 11:30-11:45, whose figure is the cell's
    expect(d.intervals).toEqual([{ start: Date.parse('2026-03-04T11:30:00Z'), volume: 5, figure: 0.75 }]);
  });

  it('a center abandon-rate standard on the center and on each channel, side by side', () => {
    const t = NOW - 2 * 3600 * S;
    const cs = [
      ...Array.from({ length: 19 }, (_, i) => contact(`v${i}`, 'voice', t, { answeredAt: t + 10 * S })),
      contact('v-ab', 'voice', t, { abandonedAt: t + 60 * S }), // voice: 1 of 20 = 5 %: desired
      ...Array.from({ length: 9 }, (_, i) => contact(`c${i}`, 'chat', t, { answeredAt: t + 10 * S })),
      contact('c-ab', 'chat', t, { abandonedAt: t + 60 * S }), // chat: 1 of 10 = 10 %: a breach (expected <= 8 %)
    ];
    const ev = evaluateStandards(only(defaultStandards('UTC'), ['abandon-rate']), 1, facts(cs));
    const by = Object.fromEntries(ev.results.map((r) => [r.key, r]));
    expect(by.center).toMatchObject({ figure: 2 / 30, status: 'expected' });
    expect(by.voice).toMatchObject({ figure: 0.05, status: 'desired', attainment: 1 });
    expect(by.chat).toMatchObject({ figure: 0.1, status: 'breach' });
    expect(by.chat.attainment).toBeCloseTo(0.05 / 0.1, 12);
    expect(by.email).toMatchObject({ figure: null, status: 'no-data', attainment: null });
    // consistency: voice 1 (20 contacts), chat 0.5 (10): mean = (20 + 5) / 30 = 0.8333; deviations 20 x 0.1667 +
    // 10 x 0.3333 = 6.667; index = 1 - 6.667 / 30 = 0.7778
    expect(ev.consistencyIndex).toBeCloseTo(1 - (20 * (1 - 25 / 30) + 10 * (25 / 30 - 0.5)) / 30, 10);
    expect(ev.worst).toMatchObject({ channel: 'chat', attainment: 0.5, driver: 'abandons' });
  });

  it('email first response within 24 business hours: a contact still inside its deadline is pending, not counted', () => {
    const set = standardsSetSchema.parse({
      ...defaultStandards('UTC'),
      standards: defaultStandards('UTC').standards.filter((s) => s.id === 'email-first-response'),
    });
    // email hours: weekdays 09:00-17:00 UTC. Now is Wednesday 12:00.
    const cs = [
      // Monday 2 March 10:00: deadline 24 business h = Mon 7 h + Tue 8 h + Wed 8 h -> Thursday 10:00; answered Tue
      contact('e1', 'email', Date.parse('2026-03-02T10:00:00Z'), { firstResponseAt: Date.parse('2026-03-03T16:00:00Z') }),
      // Friday 27 Feb 09:00: deadline Fri 8 h + Mon 8 h + Tue 8 h -> Tuesday 17:00; no response by now: breached
      contact('e2', 'email', Date.parse('2026-02-27T09:00:00Z')),
      // Wednesday 09:00: deadline Friday 09:00; no response yet: pending
      contact('e3', 'email', Date.parse('2026-03-04T09:00:00Z')),
    ];
    const [r] = evaluateStandards(set, 1, facts(cs)).results;
    expect(r).toMatchObject({ key: 'email', figure: 0.5, status: 'breach', volume: 2 });
    expect(r.basis).toMatch(/^1 of 2 first responses within 24h of business time \(1 still inside their deadline\)/);
  });

  it('staffing gap by Erlang C: 100 calls in the last 30 min of 180 s for 80 % in 20 s need 14 agents; 10 staffed: 4 short', () => {
    // one call every 18 s over the last 30 min; every other one waits 60 s (the floor is short), the rest 5 s;
    // handle time = wrap-up end - answer = 180 s for each (150 s talk + 30 s wrap-up), over those done by now
    const cs = Array.from({ length: 100 }, (_, i) => {
      const q = NOW - 30 * M + i * 18 * S;
      const a = q + (i % 2 ? 60 : 5) * S;
      return contact(`k${i}`, 'voice', q, { answeredAt: a, endedAt: a + 150 * S, wrapupEndAt: a + 180 * S });
    });
    const agents = [
      ...Array.from({ length: 6 }, () => ({ capacity: { voice: 1 }, state: 'on-contact' as const, times: { ...zero, 'on-contact': 3600 * S } })),
      ...Array.from({ length: 4 }, () => ({ capacity: { voice: 1 }, state: 'available' as const, times: { ...zero, available: 3600 * S } })),
      { capacity: { voice: 1 }, state: 'not-ready' as const, times: { ...zero, 'not-ready': 3600 * S } },
    ];
    const ev = evaluateStandards(defaultStandards('UTC'), 1, facts(cs, { agents }));
    const voice = ev.staffing.find((n) => n.channel === 'voice')!;
    expect(voice).toMatchObject({ arrivals: 100, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20, required: 14, staffed: 10, gap: 4 });
    expect(ev.worst).toMatchObject({ channel: 'voice', driver: 'staffing', detail: '4 more agents on voice to reach 80.0% within 20s' });
    // not-ready: 1 h of 11 h staffed = 9.1 %: delight (<= 10 %)
    const nr = ev.results.find((r) => r.standardId === 'not-ready' && r.key === 'center')!;
    expect(nr.figure).toBeCloseTo(1 / 11, 12);
    expect(nr.status).toBe('delight');
  });

  it('counts first responses at risk: still unanswered, due within the next 15 minutes', () => {
    // chat first response within 60 s: a chat queued 50 s ago is due in 10 s (at risk); one queued 10 min ago is
    // already late (a breach, not a risk); one answered is done
    const cs = [
      contact('r1', 'chat', NOW - 50 * S),
      contact('r2', 'chat', NOW - 30 * S),
      contact('late', 'chat', NOW - 10 * M),
      contact('done', 'chat', NOW - 40 * S, { answeredAt: NOW - 30 * S, firstResponseAt: NOW - 20 * S }),
    ];
    const ev = evaluateStandards(only(defaultStandards('UTC'), ['chat-first-response']), 1, facts(cs));
    expect(ev.atRisk).toEqual([{ standardId: 'chat-first-response', channel: 'chat', count: 2, nextDeadline: NOW + 10 * S }]);
  });

  it('splits today\'s not-ready time by reason, as a share of staffed time', () => {
    const agents = [
      { capacity: { voice: 1 }, state: 'available' as const, times: { ...zero, available: 6 * 3600 * S, 'not-ready': 2 * 3600 * S }, notReadyByReason: new Map([['Break', 1.5 * 3600 * S], ['Lunch', 0.5 * 3600 * S]]) },
      { capacity: { chat: 2 }, state: 'not-ready' as const, times: { ...zero, 'on-contact': 7 * 3600 * S, 'not-ready': 3600 * S, offline: 9 * 3600 * S }, notReadyByReason: new Map([['Break', 3600 * S]]) },
    ];
    // staffed 6 + 2 + 7 + 1 = 16 h (offline not staffed): Break 2.5 h = 15.625 %, Lunch 0.5 h = 3.125 %
    const ev = evaluateStandards(only(defaultStandards('UTC'), ['not-ready']), 1, facts([], { agents }));
    expect(ev.notReadyByReason).toEqual([
      { reason: 'Break', seconds: 2.5 * 3600, share: 2.5 / 16 },
      { reason: 'Lunch', seconds: 0.5 * 3600, share: 0.5 / 16 },
    ]);
  });

  it('says whether each channel is open now by its published hours, and when that changes', () => {
    // defaults: voice and chat weekdays 08:00-20:00; email and messaging 09:00-17:00 (UTC here). Now: Wednesday 12:00
    const ev = evaluateStandards(defaultStandards('UTC'), 1, facts([]));
    expect(ev.hours.find((h) => h.channel === 'voice')).toMatchObject({ open: true, nextChange: Date.parse('2026-03-04T20:00:00Z') });
    expect(ev.hours.find((h) => h.channel === 'email')).toMatchObject({ open: true, nextChange: Date.parse('2026-03-04T17:00:00Z') });
    const evening = evaluateStandards(defaultStandards('UTC'), 1, facts([], { now: Date.parse('2026-03-04T18:00:00Z') }));
    expect(evening.hours.find((h) => h.channel === 'email')).toMatchObject({ open: false, nextChange: Date.parse('2026-03-05T09:00:00Z') });
    expect(evening.hours.find((h) => h.channel === 'chat')).toMatchObject({ open: true });
    // the tiers queue tiles judge their service level by: voice has its own service-level standard, the others none
    expect(ev.serviceTargets).toEqual([{ channel: 'voice', standardId: 'voice-service-level', expected: 0.7, desired: 0.8 }]);
  });

  it('next response time: from the oldest unanswered customer follow-up to the next reply, bots counted only when asked', () => {
    const set = (botRepliesCount: boolean) =>
      standardsSetSchema.parse({
        version: 1,
        standards: [
          { id: 'nrt', name: 'Next response 2 min', metric: 'next-response-time', scope: { kind: 'channel', channel: 'chat' }, window: 'today', comparator: 'at-most', tiers: { expected: 180, desired: 120, delight: 60 }, options: { botRepliesCount } },
          { id: 'frt', name: 'First response', metric: 'first-response-time', scope: { kind: 'channel', channel: 'chat' }, window: 'today', comparator: 'at-most', tiers: { expected: 120, desired: 60, delight: 30 }, options: { botRepliesCount } },
        ],
      });
    const t0 = NOW - 60 * M;
    const turn = (at: number, by: 'customer' | 'agent' | 'bot') => ({ at, by });
    const cs = [
      // P: bot at +5 s, agent at +40 s (first human response); customer +60 and +70 s, agent +130 s (wait 70 s from
      // the oldest unanswered, +60); customer +200 s, bot +210 s, agent +290 s
      contact('P', 'chat', t0, {
        answeredAt: t0 + 2 * S, firstResponseAt: t0 + 40 * S, firstAutoResponseAt: t0 + 5 * S,
        turns: [turn(t0 + 5 * S, 'bot'), turn(t0 + 40 * S, 'agent'), turn(t0 + 60 * S, 'customer'), turn(t0 + 70 * S, 'customer'), turn(t0 + 130 * S, 'agent'), turn(t0 + 200 * S, 'customer'), turn(t0 + 210 * S, 'bot'), turn(t0 + 290 * S, 'agent')],
      }),
      // Q: a customer message before the first reply belongs to the first response; one follow-up answered after
      // 30 s; a last follow-up not answered yet (not counted)
      contact('Q', 'chat', t0, {
        answeredAt: t0 + 1 * S, firstResponseAt: t0 + 20 * S,
        turns: [turn(t0 + 10 * S, 'customer'), turn(t0 + 20 * S, 'agent'), turn(t0 + 100 * S, 'customer'), turn(t0 + 130 * S, 'agent'), turn(NOW - 1 * M, 'customer')],
      }),
      // R: a reply after now (a replayed future) does not count
      contact('R', 'chat', t0, { answeredAt: t0 + 1 * S, firstResponseAt: t0 + 30 * S, turns: [turn(t0 + 30 * S, 'agent'), turn(NOW - 2 * M, 'customer'), turn(NOW + 1 * M, 'agent')] }),
    ];
    // humans only: P waits 70 (130-60) and 90 (290-200); Q 30: mean (70 + 90 + 30) / 3 = 63.33 s
    const human = evaluateStandards(set(false), 1, facts(cs)).results;
    const nrt = human.find((r) => r.standardId === 'nrt')!;
    expect(nrt.figure).toBeCloseTo(190 / 3, 9);
    expect(nrt).toMatchObject({ status: 'desired', volume: 3 });
    expect(nrt.basis).toBe('mean of 3 next responses to customer messages');
    // first responses, humans: P 40, Q 20, R 30 s: mean 30 s
    expect(human.find((r) => r.standardId === 'frt')!.figure).toBeCloseTo(30, 9);
    // bots counting: P's first response is the bot's at 5 s; its follow-ups wait 130-60 = 70 and 210-200 = 10 s;
    // Q 30: mean (70 + 10 + 30) / 3 = 36.67 s; first responses (5 + 20 + 30) / 3 = 18.33 s
    const bots = evaluateStandards(set(true), 1, facts(cs)).results;
    expect(bots.find((r) => r.standardId === 'nrt')!.figure).toBeCloseTo(110 / 3, 9);
    expect(bots.find((r) => r.standardId === 'nrt')).toMatchObject({ status: 'delight' });
    expect(bots.find((r) => r.standardId === 'frt')!.figure).toBeCloseTo(55 / 3, 9);
    // with no follow-up answered there is no figure, and it says so
    const [none] = evaluateStandards(set(false), 1, facts([contact('S', 'chat', t0, { firstResponseAt: t0 + 9 * S })])).results;
    expect(none).toMatchObject({ status: 'no-data', figure: null, basis: 'no customer follow-up answered in the window' });
    // the drill-down lists each contact's next responses, and its intervals give the cell's figure
    const drill = drillDown(set(false), 1, 'nrt', 'chat', facts(cs))!;
    expect(drill.contacts.find((c) => c.id === 'P')).toMatchObject({ nextResponses: 2, nextResponseSeconds: 80, inFigure: true, met: null });
    expect(drill.contacts.find((c) => c.id === 'R')).toMatchObject({ nextResponses: 0, nextResponseSeconds: null, inFigure: false });
    expect(drill.intervals.map((i) => i.figure)).toEqual([expect.closeTo(190 / 3, 9)]);
  });

  it('measures coverage of published hours: open time with at least the minimum staff', () => {
    // chat opens at 08:00 (weekdays 08:00-20:00); now 12:00: 4 h open today
    const H = 3600 * S;
    const at = (h: number) => DAY_START + h * H;
    const intervals = [
      { agentId: 'a1', state: 'available' as const, start: at(8), end: at(10), capacity: { chat: 2 } },
      { agentId: 'a1', state: 'not-ready' as const, start: at(10), end: at(10.5), capacity: { chat: 2 } },
      { agentId: 'a1', state: 'available' as const, start: at(10.5), end: null, capacity: { chat: 2 } },
      { agentId: 'a2', state: 'on-contact' as const, start: at(9), end: at(10.25), capacity: { chat: 2 } },
      { agentId: 'v1', state: 'available' as const, start: at(7), end: null, capacity: { voice: 1 } },
    ];
    const coverage = (minimumStaff: number) =>
      evaluateStandards(
        standardsSetSchema.parse({
          ...defaultStandards('UTC'),
          standards: [{ id: 'cov', name: 'Chat covered', metric: 'coverage', scope: { kind: 'channel', channel: 'chat' }, window: 'today', comparator: 'at-least', tiers: { expected: 0.9, desired: 0.95, delight: 1 }, options: { minimumStaff } }],
        }),
        1,
        facts([], { agentIntervals: () => intervals }),
      ).results[0];
    // one agent: uncovered only 10:15-10:30 (a1 not ready, a2 done): 3.75 of 4 h
    expect(coverage(1)).toMatchObject({ figure: 3.75 / 4, status: 'expected', basis: '3h 45m of 4h 00m open with at least 1 agent staffed' });
    // two agents: only 09:00-10:00 has both: 1 of 4 h
    expect(coverage(2)).toMatchObject({ figure: 0.25, status: 'breach' });
  });

  it('measures CSAT, NPS, FCR and resolution time from surveys and resolutions, per channel', () => {
    const std = (id: string, metric: string, comparator: string, tiers: number[]) => ({ id, name: id, metric, scope: { kind: 'center' }, window: 'today', comparator, tiers: { expected: tiers[0], desired: tiers[1], delight: tiers[2] } });
    const set = standardsSetSchema.parse({
      version: 1,
      standards: [std('csat', 'csat', 'at-least', [0.7, 0.8, 0.9]), std('nps', 'nps', 'at-least', [0, 20, 40]), std('fcr', 'fcr', 'at-least', [0.6, 0.7, 0.8]), std('res', 'resolution-time', 'at-most', [7200, 3600, 1800])],
    });
    const t = NOW - 3 * 3600 * S;
    const cs = [
      // voice: CSAT 5, 4, 2 -> 2/3; NPS 10, 9, 3 -> (2 - 1) / 3 = 33.3; resolved 3, 2 on first contact, 10 and 50 min
      contact('v1', 'voice', t, { answeredAt: t + 5 * S, csat: 5, nps: 10, resolvedAt: t + 10 * M, firstContactResolution: true }),
      contact('v2', 'voice', t, { answeredAt: t + 5 * S, csat: 4, nps: 9, resolvedAt: t + 50 * M, firstContactResolution: false }),
      contact('v3', 'voice', t, { answeredAt: t + 5 * S, csat: 2, nps: 3 }),
      // email: CSAT 3 -> 0/1; NPS 7 (passive) -> 0; resolved after 2 h, not first contact
      contact('e1', 'email', t, { firstResponseAt: t + 3600 * S, csat: 3, nps: 7, resolvedAt: t + 2 * 3600 * S, firstContactResolution: false }),
    ];
    const by = (id: string, key: string) => evaluateStandards(set, 1, facts(cs)).results.find((r) => r.standardId === id && r.key === key)!;
    expect(by('csat', 'voice')).toMatchObject({ figure: 2 / 3, status: 'breach', volume: 3 }); // 66.7 % < 70 %
    expect(by('csat', 'email')).toMatchObject({ figure: 0, status: 'breach' });
    expect(by('csat', 'center').figure).toBe(2 / 4);
    expect(by('nps', 'voice').figure).toBeCloseTo(100 / 3, 10);
    expect(by('nps', 'email')).toMatchObject({ figure: 0, status: 'expected' });
    expect(by('fcr', 'voice')).toMatchObject({ figure: 0.5, status: 'breach' });
    expect(by('res', 'voice')).toMatchObject({ figure: 30 * 60, status: 'delight' });
    expect(by('res', 'email')).toMatchObject({ figure: 7200, status: 'expected' });

    // the drill-down of the voice CSAT cell: each survey met (4-5) or missed, the interval's figure the cell's
    const d = drillDown(set, 1, 'csat', 'voice', facts([...cs, contact('v4', 'voice', t, { answeredAt: t + 90 * S })]))!;
    // the unsurveyed v4 (the longest wait) comes after the answers; the interval counts the 3 answers, as the cell
    expect(d.contacts.map((c) => [c.id, c.met, c.answer])).toEqual([['v3', false, '2 of 5'], ['v1', true, '5 of 5'], ['v2', true, '4 of 5'], ['v4', null, null]]);
    expect(d).toMatchObject({ total: 4, counted: 3 });
    expect(d.intervals.map((i) => [i.volume, i.figure])).toEqual([[3, 2 / 3]]);
    expect(drillDown(set, 1, 'nps', 'voice', facts(cs))!.intervals[0].figure).toBeCloseTo(100 / 3, 10);
    expect(drillDown(set, 1, 'fcr', 'voice', facts(cs))!.contacts.map((c) => [c.id, c.met, c.answer])).toEqual([
      ['v2', false, 'after more contacts'],
      ['v1', true, 'on the first contact'],
      ['v3', null, null],
    ]);
  });

  it("gives each drill-down interval the figure the cell's own definition gives its contacts", () => {
    // one 15-minute interval (11:45-12:00) of voice and chat contacts: the drill-down's single interval must read
    // as the cell, metric by metric (percentiles, the longest wait with one still waiting, left counted as
    // abandoned, first responses by their deadline)
    const t = NOW - 14 * M;
    const cs = [
      contact('a1', 'voice', t, { answeredAt: t + 5 * S, endedAt: t + 3 * M }),
      contact('a2', 'voice', t, { answeredAt: t + 12 * S }),
      contact('a3', 'voice', t, { answeredAt: t + 30 * S }),
      contact('a4', 'voice', t, { answeredAt: t + 70 * S }),
      contact('x1', 'voice', t, { abandonedAt: t + 40 * S }),
      contact('l1', 'voice', t, { endedAt: t + 25 * S }),
      contact('w1', 'voice', NOW - 2 * M),
      contact('c1', 'chat', t, { answeredAt: t + 20 * S, firstResponseAt: t + 50 * S }),
      contact('c2', 'chat', t, { answeredAt: t + 30 * S, firstResponseAt: t + 200 * S }),
    ];
    const std = (id: string, metric: string, comparator: string, options: object = {}, tiers = comparator === 'at-least' ? [0.5, 0.6, 0.7] : [60, 30, 10]) =>
      ({ id, name: id, metric, scope: { kind: 'center' }, window: 'rolling-15m', comparator, tiers: { expected: tiers[0], desired: tiers[1], delight: tiers[2] }, options });
    const set = standardsSetSchema.parse({
      version: 1,
      standards: [
        std('sl', 'service-level', 'at-least'), std('asa', 'asa', 'at-most'), std('ab', 'abandon-rate', 'at-most', { leftCountsAsAbandoned: true }, [0.3, 0.2, 0.1]),
        std('p50', 'wait-p50', 'at-most'), std('p90', 'wait-p90', 'at-most'), std('max', 'max-wait', 'at-most'),
        std('frw', 'first-response-within', 'at-least', { thresholdSeconds: 120 }), std('frt', 'first-response-time', 'at-most'),
      ],
    });
    const results = evaluateStandards(set, 1, facts(cs)).results;
    for (const s of set.standards) {
      const cell = results.find((r) => r.standardId === s.id && r.key === 'center')!;
      expect(cell.figure, s.id).not.toBeNull();
      const d = drillDown(set, 1, s.id, 'center', facts(cs))!;
      expect(d.intervals.map((i) => i.figure), s.id).toEqual([cell.figure]);
    }
  });

  it('has no contacts behind an agent-time figure, and says so', () => {
    const d = drillDown(only(defaultStandards('UTC'), ['not-ready']), 1, 'not-ready', 'voice', facts([contact('x', 'voice', NOW - M)], { agents: [] }))!;
    expect(d).toMatchObject({ total: 0, contacts: [], intervals: [], note: 'a figure of agent time or of the floor now: no contacts or intervals behind it' });
  });
});

describe('not-ready by reason on the floor', () => {
  it('adds up from agent states, and is the same after a restart', async () => {
    const { testEngine, tempDbPath } = await import('../helpers/engine');
    const path = tempDbPath();
    const T = Date.parse('2026-03-04T08:00:00Z');
    const state = (min: number, s: string, reason?: string) => JSON.stringify({ v: 1, type: 'agent.state', ts: T + min * M, agentId: 'a1', state: s, reason, capacity: { voice: 1 } });
    // 08:00 available, 09:00 Break (15 min), 09:15 available, 12:00 Lunch until now (12:30)
    const lines = [state(0, 'available'), state(60, 'not-ready', 'Break'), state(75, 'available'), state(240, 'not-ready', 'Lunch')];
    const expected = [
      { reason: 'Lunch', seconds: 30 * 60, share: 30 / 270 },
      { reason: 'Break', seconds: 15 * 60, share: 15 / 270 },
    ];
    let t = testEngine(T + 270 * M, {}, path);
    t.engine.ingestNdjson('agents', lines.map((text, i) => ({ position: i + 1, text })));
    expect(t.engine.handlers['standards/evaluate']({}).notReadyByReason).toEqual(expected);
    t.close();
    t = testEngine(T + 270 * M, {}, path);
    expect(t.engine.handlers['standards/evaluate']({}).notReadyByReason).toEqual(expected);
    t.close();
  });
});

describe('drill-down by day', () => {
  it('gives a DST day one interval of its own (Paris, 25 Oct 2026: 25 hours)', () => {
    const tz = 'Europe/Paris';
    const now = Date.parse('2026-10-27T10:00:00Z');
    const dayStart = Date.parse('2026-10-26T23:00:00Z'); // Tue 27 Oct 00:00 CET
    const weekStart = Date.parse('2026-10-20T22:00:00Z'); // Wed 21 Oct 00:00 CEST
    const a = Date.parse('2026-10-24T23:30:00Z'); // Sun 25 Oct 01:30 CEST, answered in 10 s
    const b = Date.parse('2026-10-25T09:00:00Z'); // Sun 25 Oct 10:00 CET, answered in 60 s
    const cs = [contact('A', 'voice', a, { answeredAt: a + 10 * S }), contact('B', 'voice', b, { answeredAt: b + 60 * S })];
    const set = {
      version: 1 as const, calendars: [],
      standards: [{ id: 'sl', name: 'SL week', metric: 'service-level' as const, scope: { kind: 'channel' as const, channel: 'voice' as const }, window: 'week' as const, comparator: 'at-least' as const, tiers: { expected: 0.7, desired: 0.8, delight: 0.9 }, options: { thresholdSeconds: 20 }, alert: { afterSeconds: 0, clearAfterSeconds: 0, enabled: false } }],
    };
    const d = drillDown(set, 1, 'sl', 'voice', facts(cs, { now, dayStart, weekStart, timeZone: tz }))!;
    expect(d.intervalMinutes).toBe(24 * 60);
    expect(d.intervals).toEqual([{ start: Date.parse('2026-10-24T22:00:00Z'), volume: 2, figure: 0.5 }]);
  });
});
