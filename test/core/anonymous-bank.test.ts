/**
 * The real Anonymous Bank month (test/fixtures/anonymous-bank, a copy of ../shared/data): imported through the CSV adapter and its built-in mapping,
 * then checked against an independent computation written here from the raw rows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsvAdapter } from '../../src/core/ingest/csv';
import { anonymousBankMapping } from '../../src/core/ingest/csv-anonymous-bank';
import { numberLines } from '../../src/core/ingest/source-lines';
import type { MetricsRow } from '../../src/shared/api';
import { testEngine } from '../helpers/engine';
import { expected } from '../helpers/anonymous-bank';
import { BANK_FILE } from '../helpers/host';

const text = readFileSync(BANK_FILE, 'utf8');

describe('Anonymous Bank, February 1999 (real data)', () => {
  let engine: ReturnType<typeof testEngine>['engine'];
  let summary: { accepted: number; quarantined: number; duplicates: number };
  let adapter: ReturnType<typeof createCsvAdapter>;
  beforeAll(() => {
    const t = testEngine(Date.parse('1999-03-01T12:00:00Z'), { timeZone: 'Asia/Jerusalem' });
    engine = t.engine;
    adapter = createCsvAdapter(anonymousBankMapping());
    summary = engine.ingestWith(adapter, 'calls-1999-02.tsv', numberLines(text));
  });

  const metrics = (from: string, to: string): MetricsRow[] =>
    engine.handlers['metrics/window']({ from, to, by: 'queue' }).rows;

  it('imports every line: contacts, the header, skipped PHANTOM and voice-menu hang-ups, nothing quarantined', () => {
    const { phantom, hangInMenu } = expected(() => true);
    expect(summary.quarantined).toBe(0);
    expect(summary.accepted).toBe(33_345); // 33,344 calls + the header, each line kept raw
    expect(phantom).toBe(278);
    expect(adapter.ignored?.get('PHANTOM: a call that left no trace')).toBe(278);
    expect(adapter.ignored?.get('HANG in the voice menu: never queued')).toBe(hangInMenu);
  });

  it('gives per queue for the month the same offered, answered, abandoned, SL, ASA and abandon rate as the raw rows', () => {
    const { byQueue } = expected(() => true);
    const rows = metrics('1999-01-31T22:00:00Z', '1999-03-01T22:00:00Z');
    expect(rows.map((r) => r.key).sort()).toEqual([...byQueue.keys()].sort());
    for (const r of rows) {
      const t = byQueue.get(r.key)!;
      expect([r.offered, r.answered, r.abandoned, r.shortAbandoned, r.answeredWithinThreshold], r.key).toEqual([t.offered, t.answered, t.abandoned, t.short, t.within]);
      expect(r.serviceLevel, r.key).toBeCloseTo(t.within / (t.answered + t.abandoned - t.short), 12);
      expect(r.asaSeconds, r.key).toBeCloseTo(t.waitSum / t.answered, 9);
      expect(r.abandonRate, r.key).toBeCloseTo((t.abandoned - t.short) / (t.answered + t.abandoned - t.short), 12);
    }
    const ps = rows.find((r) => r.key === 'PS')!;
    expect(ps.offered).toBeGreaterThan(15_000);
  });

  it('agrees per week (Mon 1 Feb 1999 onwards, local time) and queue', () => {
    for (let week = 0; week < 4; week++) {
      const { byQueue } = expected((day) => day >= 1 + 7 * week && day < 8 + 7 * week);
      // local midnight in Israel (UTC+2 in February 1999)
      const from = new Date(Date.UTC(1999, 1, 1 + 7 * week) - 2 * 3600_000).toISOString();
      const to = new Date(Date.UTC(1999, 1, 8 + 7 * week) - 2 * 3600_000).toISOString();
      const rows = metrics(from, to);
      for (const [queue, t] of byQueue) {
        const r = rows.find((x) => x.key === queue)!;
        expect([r.offered, r.answered, r.abandoned, r.answeredWithinThreshold], `week ${week + 1} ${queue}`).toEqual([t.offered, t.answered, t.abandoned, t.within]);
        expect(r.asaSeconds).toBeCloseTo(t.waitSum / t.answered, 9);
      }
    }
  });
});
