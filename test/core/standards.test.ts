/**
 * Service standards: the defaults a new center gets, validation with a message at each field, tiers, files in
 * JSON and YAML, the JSON Schema in docs, and versions in force at a past instant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import { DEFAULT_STANDARDS, defaultStandards } from '../../src/core/standards/defaults';
import { standardsSetSchema, tierOf, type StandardsSetInput } from '../../src/core/standards/standard';
import { checkStandards, parseStandards, serializeStandards, standardsJsonSchema } from '../../src/core/standards/standards-file';
import { testEngine } from '../helpers/engine';
import { ROOT } from '../helpers/host';

const base = (): StandardsSetInput => structuredClone(DEFAULT_STANDARDS);
const issuesOf = (set: StandardsSetInput) => {
  const r = checkStandards(set);
  return r.ok ? [] : r.issues;
};

describe('default standards', () => {
  it('are the common-practice ones of the issue, with desired as the target', () => {
    const set = defaultStandards('Europe/Paris');
    const byId = Object.fromEntries(set.standards.map((s) => [s.id, s]));
    expect(byId['voice-service-level']).toMatchObject({ metric: 'service-level', scope: { channel: 'voice' }, tiers: { desired: 0.8 }, options: { thresholdSeconds: 20 } });
    expect(byId['chat-first-response']).toMatchObject({ metric: 'first-response-within', scope: { channel: 'chat' }, tiers: { desired: 0.9 }, options: { thresholdSeconds: 60 } });
    expect(byId['email-first-response']).toMatchObject({ tiers: { desired: 0.95 }, options: { thresholdSeconds: 86_400, clock: 'business' } });
    expect(byId['message-first-response']).toMatchObject({ tiers: { desired: 0.9 }, options: { thresholdSeconds: 3600 } });
    expect(byId['abandon-rate']).toMatchObject({ comparator: 'at-most', tiers: { desired: 0.05 } });
    expect(byId['not-ready']).toMatchObject({ metric: 'not-ready-share', comparator: 'at-most', tiers: { desired: 0.15 } });
    expect(byId.csat).toMatchObject({ metric: 'csat', tiers: { desired: 0.8 } });
    expect(byId.fcr).toMatchObject({ metric: 'fcr', tiers: { desired: 0.7 } });
    expect(set.calendars.every((c) => c.timeZone === 'Europe/Paris')).toBe(true);
    // every default filled in: alerts with hysteresis, empty options
    expect(byId['not-ready'].alert).toEqual({ afterSeconds: 120, clearAfterSeconds: 300, enabled: true });
  });
});

describe('standard validation', () => {
  it('refuses a negative threshold, at its field', () => {
    const set = base();
    set.standards[0].options = { thresholdSeconds: -5 };
    expect(issuesOf(set)).toEqual([{ path: 'standards.0.options.thresholdSeconds', message: 'the threshold cannot be negative' }]);
  });

  it('refuses expected above desired when higher is better, and below it when lower is better', () => {
    const set = base();
    set.standards[0].tiers = { expected: 0.85, desired: 0.8, delight: 0.9 };
    const abandons = set.standards.findIndex((s) => s.id === 'abandon-rate');
    set.standards[abandons].tiers = { expected: 0.04, desired: 0.05, delight: 0.02 };
    expect(issuesOf(set)).toEqual([
      { path: 'standards.0.tiers.expected', message: 'expected (the minimum) cannot be above desired when higher is better' },
      { path: `standards.${abandons}.tiers.expected`, message: 'expected (the minimum) cannot be below desired when lower is better' },
    ]);
  });

  it('lets bot replies count on response metrics only', () => {
    const set = base();
    const chat = set.standards.findIndex((s) => s.id === 'chat-first-response');
    set.standards[chat].options = { ...set.standards[chat].options, botRepliesCount: true };
    expect(issuesOf(set)).toEqual([]);
    set.standards[0].options = { ...set.standards[0].options, botRepliesCount: true };
    expect(issuesOf(set)).toEqual([{ path: 'standards.0.options.botRepliesCount', message: 'whether bot replies count applies to response metrics only (first response, next response)' }]);
  });

  it('refuses an unknown time zone, a share over 100 %, a comparator against the metric, a duplicate id', () => {
    const set = base();
    set.calendars![0].timeZone = 'Mars/Olympus_Mons';
    expect(issuesOf(set)).toEqual([{ path: 'calendars.0.timeZone', message: 'unknown time zone (an IANA name such as Europe/Paris)' }]);
    const set2 = base();
    set2.standards[0].tiers = { expected: 0.7, desired: 0.8, delight: 1.5 };
    set2.standards[1].comparator = 'at-most';
    set2.standards[2].id = set2.standards[3].id;
    expect(issuesOf(set2).map((i) => i.path)).toEqual(['standards.0.tiers.delight', 'standards.1.comparator', 'standards.1.tiers.expected', 'standards.1.tiers.delight', 'standards.3.id']);
  });

  it('refuses overlapping or empty business-hours periods and a bad holiday', () => {
    const set = base();
    set.calendars![0].week = { '1': ['08:00-12:00', '11:00-14:00'], '2': ['10:00-09:00'] };
    set.calendars![0].holidays = ['25/12/2026'];
    expect(issuesOf(set).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'calendars.0.holidays.0: a holiday is YYYY-MM-DD',
      'calendars.0.week.1.1: periods of a day must not overlap',
      'calendars.0.week.2.0: a period must end after it starts',
    ]);
  });
});

describe('tiers', () => {
  it('place a figure at the highest tier it meets, or none below expected', () => {
    const sl = { comparator: 'at-least' as const, tiers: { expected: 0.7, desired: 0.8, delight: 0.9 } };
    expect([0.69, 0.7, 0.79, 0.8, 0.9, 1].map((v) => tierOf(sl, v))).toEqual([null, 'expected', 'expected', 'desired', 'delight', 'delight']);
    const abandons = { comparator: 'at-most' as const, tiers: { expected: 0.08, desired: 0.05, delight: 0.02 } };
    expect([0.1, 0.08, 0.06, 0.05, 0.02, 0].map((v) => tierOf(abandons, v))).toEqual([null, 'expected', 'expected', 'desired', 'delight', 'delight']);
  });
});

describe('standards files', () => {
  it('round-trip through YAML and JSON unchanged', () => {
    const set = defaultStandards('America/New_York');
    for (const format of ['yaml', 'json'] as const) {
      const text = serializeStandards(set, format);
      expect(parseStandards(text, format)).toEqual({ ok: true, set });
    }
    expect(serializeStandards(set, 'yaml')).toMatch(/^# Floorboard service standards/);
  });

  it('say what is wrong with a file that is not YAML, or not a standards file', () => {
    expect(parseStandards('version: [1', 'yaml')).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^not YAML/) }] });
    expect(parseStandards('{"version": 2, "standards": []}', 'json')).toMatchObject({ ok: false, issues: [{ path: 'version' }] });
  });

  it('have their JSON Schema in docs/standards.schema.json, as the validator defines it', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'docs', 'standards.schema.json'), 'utf8'));
    expect(doc).toEqual(JSON.parse(JSON.stringify(standardsJsonSchema())));
    expect(standardsSetSchema.safeParse(JSON.parse(serializeStandards(defaultStandards('UTC'), 'json'))).success).toBe(true);
  });
});

describe('standards in force', () => {
  const T1 = Date.parse('2026-03-02T09:00:00Z');

  it('start as the defaults, and each save is a version in force from then: a past instant gets the version of its time', async () => {
    const t = testEngine(T1, { timeZone: 'Europe/London' });
    try {
      const api = createDispatcher(t.engine.handlers);
      const first = t.engine.handlers['standards/get']({});
      expect(first).toMatchObject({ validFrom: new Date(0).toISOString(), note: 'the defaults of a new center' });
      expect(first.set.calendars[0].timeZone).toBe('Europe/London');

      const stricter = structuredClone(first.set);
      stricter.standards[0].tiers = { expected: 0.75, desired: 0.85, delight: 0.95 };
      t.clock.set(T1 + 3600_000);
      const saved = await api('standards/save', { set: stricter, note: 'Q2 targets' });
      expect(saved).toMatchObject({ ok: true, value: { validFrom: new Date(T1 + 3600_000).toISOString(), note: 'Q2 targets' } });

      expect(t.engine.handlers['standards/get']({}).set.standards[0].tiers.desired).toBe(0.85);
      expect(t.engine.handlers['standards/get']({ at: new Date(T1 + 1800_000).toISOString() }).set.standards[0].tiers.desired).toBe(0.8);
      expect(t.engine.handlers['standards/history']({}).map((v) => v.note)).toEqual(['Q2 targets', 'the defaults of a new center']);
    } finally {
      t.close();
    }
  });

  it('take a version saved in force from a past date for that past only: the floor keeps the later one', async () => {
    const t = testEngine(T1, { timeZone: 'Europe/London' });
    try {
      const api = createDispatcher(t.engine.handlers);
      const current = structuredClone(t.engine.handlers['standards/get']({}).set);
      current.standards[0].tiers = { expected: 0.75, desired: 0.85, delight: 0.95 };
      expect((await api('standards/save', { set: current, note: 'this year' })).ok).toBe(true);
      // 1999's targets, imported with its history: in force from 1 Jan 1999 (midnight in London) until the next version
      const old = structuredClone(current);
      old.standards[0].tiers = { expected: 0.6, desired: 0.7, delight: 0.8 };
      const saved = await api('standards/save', { set: old, note: '1999 targets', validFrom: '1999-01-01T00:00:00' });
      expect(saved).toMatchObject({ ok: true, value: { validFrom: '1999-01-01T00:00:00.000Z', savedAt: new Date(T1).toISOString() } });
      expect(t.engine.handlers['standards/get']({ at: '1999-02-10T12:00:00Z' }).set.standards[0].tiers.desired).toBe(0.7);
      expect(t.engine.handlers['standards/get']({ at: '1998-12-31T23:00:00Z' }).note).toBe('the defaults of a new center');
      expect(t.engine.handlers['standards/get']({}).set.standards[0].tiers.desired).toBe(0.85);
      expect(t.engine.handlers['standards/evaluate']({}).version).toBe(t.engine.handlers['standards/get']({}).version);
      const future = await api('standards/save', { set: old, validFrom: new Date(T1 + 86_400_000).toISOString() });
      expect(future).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/is in the future/) } });
    } finally {
      t.close();
    }
  });

  it('refuse an invalid set with every issue at its path, and save nothing', async () => {
    const t = testEngine(T1);
    try {
      const api = createDispatcher(t.engine.handlers);
      const set = structuredClone(t.engine.handlers['standards/get']({}).set);
      set.standards[0].options.thresholdSeconds = -1;
      set.calendars[1].timeZone = 'Nowhere/Town';
      const r = await api('standards/save', { set });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-args',
          issues: [
            { path: 'set.standards.0.options.thresholdSeconds', message: 'the threshold cannot be negative' },
            { path: 'set.calendars.1.timeZone', message: 'unknown time zone (an IANA name such as Europe/Paris)' },
          ],
        },
      });
      expect(t.engine.handlers['standards/history']({})).toHaveLength(1);
    } finally {
      t.close();
    }
  });
});
