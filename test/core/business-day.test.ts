import type { Envelope } from '../../src/shared/api';
import { describe, expect, it } from 'vitest';
import { businessDayStart, businessDayStartBefore, nextBusinessDayStart, isValidTimeZone } from '../../src/core/time/business-day';
import { createDispatcher } from '../../src/core/api/dispatch';
import { testEngine } from '../helpers/engine';

const ms = (iso: string) => Date.parse(iso);

describe('business day ("today") in the center time zone', () => {
  it('starts at the reset hour local time, not UTC', () => {
    // 2026-06-15 01:30 in Tokyo (UTC+9) = 2026-06-14T16:30Z; reset 0 -> 2026-06-15T00:00+09:00
    expect(businessDayStart(ms('2026-06-14T16:30:00Z'), 'Asia/Tokyo', 0)).toBe(ms('2026-06-14T15:00:00Z'));
  });

  it('before the reset hour, today is still the previous day', () => {
    // reset 06:00 London (BST, UTC+1); at 05:00 local on 2026-06-15 the day began 2026-06-14 06:00 local
    expect(businessDayStart(ms('2026-06-15T04:00:00Z'), 'Europe/London', 6)).toBe(ms('2026-06-14T05:00:00Z'));
  });

  it('is 23 hours long on the day DST starts (New York, 2026-03-08)', () => {
    const start = businessDayStart(ms('2026-03-08T16:00:00Z'), 'America/New_York', 0);
    expect(start).toBe(ms('2026-03-08T05:00:00Z')); // midnight EST (UTC-5)
    const next = nextBusinessDayStart(start, 'America/New_York', 0);
    expect(next).toBe(ms('2026-03-09T04:00:00Z')); // midnight EDT (UTC-4)
    expect((next - start) / 3600_000).toBe(23);
  });

  it('is 25 hours long on the day DST ends (New York, 2026-11-01)', () => {
    const start = businessDayStart(ms('2026-11-01T12:00:00Z'), 'America/New_York', 0);
    expect(start).toBe(ms('2026-11-01T04:00:00Z'));
    expect((nextBusinessDayStart(start, 'America/New_York', 0) - start) / 3600_000).toBe(25);
  });

  it('a reset hour inside the spring-forward gap starts the day at the end of the gap', () => {
    // 02:00 does not exist in New York on 2026-03-08: the day starts at 03:00 EDT = 07:00Z
    expect(businessDayStart(ms('2026-03-08T18:00:00Z'), 'America/New_York', 2)).toBe(ms('2026-03-08T07:00:00Z'));
  });

  it('a reset hour that happens twice (fall back) starts the day at its first occurrence', () => {
    // 01:00 happens twice in New York on 2026-11-01: first at 01:00 EDT = 05:00Z
    expect(businessDayStart(ms('2026-11-01T12:00:00Z'), 'America/New_York', 1)).toBe(ms('2026-11-01T05:00:00Z'));
  });

  it('knows a valid zone from an invalid one', () => {
    expect(isValidTimeZone('Asia/Jerusalem')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('business days before today', () => {
  const ms = Date.parse;
  it('are calendar days: the week before a spring-forward or fall-back day is 6 x 24 hours plus or minus one', () => {
    // Paris: DST began Sun 29 Mar 2026, ended Sun 25 Oct 2026
    expect(businessDayStartBefore(ms('2026-03-30T22:00:00Z'), 6, 'Europe/Paris', 0)).toBe(ms('2026-03-24T23:00:00Z')); // Wed 25 Mar 00:00 CET
    expect(businessDayStartBefore(ms('2026-10-26T23:00:00Z'), 6, 'Europe/Paris', 0)).toBe(ms('2026-10-20T22:00:00Z')); // Wed 21 Oct 00:00 CEST
    expect(businessDayStartBefore(ms('2026-03-31T04:00:00Z'), 6, 'Europe/Paris', 6)).toBe(ms('2026-03-25T05:00:00Z')); // 06:00 local
    expect(businessDayStartBefore(ms('2026-06-14T15:00:00Z'), 1, 'Asia/Tokyo', 0)).toBe(ms('2026-06-13T15:00:00Z'));
  });

  it('set the week window of the standards, DST-correct (engine)', async () => {
    // Tue 31 Mar 10:00 CEST: the week is Wed 25 Mar 00:00 CET (23:00Z on the 24th) to now
    const t = testEngine(ms('2026-03-31T08:00:00Z'), { timeZone: 'Europe/Paris' });
    const set = {
      version: 1,
      standards: [{ id: 'ar', name: 'Abandon rate, week', metric: 'abandon-rate', scope: { kind: 'channel', channel: 'voice' }, window: 'week', comparator: 'at-most', tiers: { expected: 0.08, desired: 0.05, delight: 0.02 }, options: {} }],
    };
    // a set as a client posts it: the calendars left to their default
    const save: (name: string, args: unknown) => Promise<Envelope<unknown>> = createDispatcher(t.engine.handlers);
    expect(await save('standards/save', { set })).toMatchObject({ ok: true });
    const event = (o: object) => JSON.stringify({ v: 1, channel: 'voice', queue: 'Billing', ...o });
    t.engine.ingestNdjson('crm', [
      event({ type: 'contact.queued', contactId: 'old', ts: '2026-03-24T22:30:00Z' }), // Tue 24 Mar 23:30 CET: 8 days back
      event({ type: 'contact.abandoned', contactId: 'old', ts: '2026-03-24T22:31:00Z' }),
      event({ type: 'contact.queued', contactId: 'in', ts: '2026-03-30T09:00:00Z' }),
      event({ type: 'contact.answered', contactId: 'in', agentId: 'a1', ts: '2026-03-30T09:00:10Z' }),
    ].map((text, i) => ({ position: i + 1, text })));
    const r = t.engine.handlers['standards/evaluate']({}).results.find((x) => x.standardId === 'ar' && x.key === 'voice');
    expect(r).toMatchObject({ windowStart: ms('2026-03-24T23:00:00Z'), figure: 0, volume: 1 });
    t.close();
  });
});
