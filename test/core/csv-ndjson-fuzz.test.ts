/**
 * The CSV adapter (with the Anonymous Bank mapping) and the native NDJSON reader against 100,000+ random and
 * mutated lines each, interleaved with good lines. Properties: parsing never throws; every non-blank line gets
 * exactly one answer (events or a reason); the good lines keep exactly the events they give alone; every mutant
 * built to be unreadable is refused; and through the engine the quarantine holds exactly the refused lines.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvAdapter } from '../../src/core/ingest/csv';
import { anonymousBankMapping } from '../../src/core/ingest/csv-anonymous-bank';
import { parseNdjsonLines } from '../../src/core/ingest/ndjson';
import type { SourceLine } from '../../src/core/ingest/source-lines';
import { canonicalEvent, toEventLine } from '../../src/core/model/events';
import { createSimulator } from '../../src/core/simulator/simulator';
import type { ParsedLine } from '../../src/core/store/store';
import { testEngine } from '../helpers/engine';
import { BANK_FILE } from '../helpers/host';

const SEED = Number(process.env.FUZZ_SEED ?? 19990201);
const RUNS = 50;
const PER_RUN = 2000;

type Parse = (lines: SourceLine[]) => ParsedLine[];

/** Interleave good lines (kept in order) with fuzz lines; returns the lines and which ones are good or must fail. */
function mix(header: string[], good: string[], fuzz: { text: string; mustFail: boolean }[], rnd: () => number) {
  const lines: SourceLine[] = header.map((text, i) => ({ position: i + 1, text }));
  const kinds: ('good' | 'bad' | 'any')[] = header.map(() => 'good');
  let g = 0;
  let f = 0;
  while (g < good.length || f < fuzz.length) {
    const takeGood = f >= fuzz.length || (g < good.length && rnd() < good.length / (good.length + fuzz.length));
    const position = lines.length + 1;
    if (takeGood) {
      lines.push({ position, text: good[g++] });
      kinds.push('good');
    } else {
      const x = fuzz[f++];
      lines.push({ position, text: x.text });
      kinds.push(x.mustFail ? 'bad' : 'any');
    }
  }
  return { lines, kinds };
}

function check(parse: Parse, lines: SourceLine[], kinds: ('good' | 'bad' | 'any')[], expected: Map<string, unknown>) {
  let out: ParsedLine[] = [];
  expect(() => (out = parse(lines))).not.toThrow();
  const byPosition = new Map(out.map((p) => [p.position, p]));
  let refused = 0;
  lines.forEach((l, i) => {
    if (l.text.trim() === '') return;
    const p = byPosition.get(l.position);
    expect(p, `line ${l.position} has an answer`).toBeDefined();
    if (p!.reason !== undefined) refused++;
    if (kinds[i] === 'good') expect(p!.events, `good line ${l.position}: ${l.text}`).toEqual(expected.get(l.text));
    if (kinds[i] === 'bad') expect(p!.reason, `mutant ${l.position} refused: ${l.text}`).toEqual(expect.any(String));
    for (const e of p!.events ?? []) expect(canonicalEvent.safeParse(e).success).toBe(true);
  });
  return refused;
}

const rng = (seed: number) => {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
};

describe('CSV (Anonymous Bank mapping) fuzz', () => {
  const rows = readFileSync(BANK_FILE, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = rows[0];
  const data = rows.slice(1, 3001);
  const alone = createCsvAdapter(anonymousBankMapping()).parse([header, ...data].map((text, i) => ({ position: i + 1, text })));
  const expected = new Map(alone.map((p) => [p.text, p.events]));
  const fields = header.split('\t').length;

  // PHANTOM rows are excluded before their times are read: mutate the others
  const mutable = data.filter((r) => !r.includes('\tPHANTOM\t'));
  const mutant: fc.Arbitrary<string> = fc.nat(mutable.length - 1).chain((i) => {
    const f = mutable[i].split('\t');
    const set = (k: number, v: string) => f.map((x, j) => (j === k ? v : x)).join('\t');
    return fc.oneof(
      fc.integer({ min: 1, max: fields - 1 }).map((k) => f.slice(0, k).join('\t')), // fields missing
      fc.string({ maxLength: 8 }).map((x) => `${mutable[i]}\t${x.replace(/[\t\r\n"]/g, '')}`), // a field too many
      fc.constantFrom('', '9902', '990231x', 'abcdef', '99-02-01').map((v) => set(5, v)), // date
      fc.constantFrom('', 'x', '25:61:00', '7:2', '-1:00:00').map((v) => set(6, v)), // vru_entry
      fc.constantFrom('-3', '1.5', 'ten', '').map((v) => set(11, v)), // q_time
      fc.constantFrom('', 'LEFT', 'agent').map((v) => set(12, v)), // outcome
      fc.constantFrom('', '\t').map(() => set(0, '')), // no vru+line
    );
  });
  const random = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 20 }).map((a) => a.join('\t')), fc.string({ unit: 'grapheme', maxLength: 40 }));

  it(`answers ${RUNS * PER_RUN} random and mutated rows without throwing, keeps the real rows, refuses the mutants`, () => {
    let total = 0;
    for (let run = 0; run < RUNS; run++) {
      const fuzz = [
        ...fc.sample(mutant, { seed: SEED + run, numRuns: PER_RUN / 2 }).map((text) => ({ text, mustFail: true })),
        ...fc.sample(random, { seed: SEED + 1000 + run, numRuns: PER_RUN / 2 }).map((text) => ({ text, mustFail: false })),
      ];
      const good = data.slice((run * 60) % 2900, ((run * 60) % 2900) + 60);
      const { lines, kinds } = mix([header], good, fuzz, rng(SEED + run));
      total += lines.length;
      const refused = check((l) => createCsvAdapter(anonymousBankMapping()).parse(l), lines, kinds, expected);
      if (run % 10 === 0) {
        const t = testEngine(Date.parse('1999-03-01T00:00:00Z'), { timeZone: 'Asia/Jerusalem' });
        const r = t.engine.ingestWith(createCsvAdapter(anonymousBankMapping()), 'fuzz.tsv', lines);
        expect(r.quarantined).toBe(refused);
        t.close();
      }
    }
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});

describe('NDJSON fuzz', () => {
  const sim = createSimulator({ seed: 5, start: Date.parse('2026-03-02T08:00:00Z'), timeZone: 'UTC', scale: 0.5 });
  const good = sim.advanceTo(Date.parse('2026-03-02T09:00:00Z')).map((e) => toEventLine(canonicalEvent.parse(e)));
  const expected = new Map(parseNdjsonLines(good.map((text, i) => ({ position: i + 1, text }))).map((p) => [p.text, p.events]));

  const mutant: fc.Arbitrary<string> = fc.nat(good.length - 1).chain((i) => {
    const o = JSON.parse(good[i]) as Record<string, unknown>;
    const withField = (k: string, v: unknown) => JSON.stringify({ ...o, [k]: v });
    return fc.oneof(
      fc.integer({ min: 1, max: good[i].length - 1 }).map((k) => good[i].slice(0, k)), // cut short
      fc.constantFrom(2, 0, '1', null).map((v) => withField('v', v)),
      fc.constantFrom('contact.unknown', '', 42).map((v) => withField('type', v)),
      fc.constantFrom('yesterday', -5, '2026-13-40T00:00:00Z', null).map((v) => withField('ts', v)),
      fc.constant(JSON.stringify([o])),
    );
  });
  const random = fc.oneof(fc.json(), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

  it(`answers ${RUNS * PER_RUN} random and mutated lines without throwing, keeps the good ones, refuses the mutants`, () => {
    let total = 0;
    for (let run = 0; run < RUNS; run++) {
      const fuzz = [
        ...fc.sample(mutant, { seed: SEED + run, numRuns: PER_RUN / 2 }).map((text) => ({ text, mustFail: true })),
        ...fc.sample(random, { seed: SEED + 2000 + run, numRuns: PER_RUN / 2 }).map((text) => ({ text, mustFail: false })),
      ];
      const slice = good.slice((run * 40) % (good.length - 40), ((run * 40) % (good.length - 40)) + 40);
      const { lines, kinds } = mix([], slice, fuzz, rng(SEED + run));
      total += lines.length;
      const refused = check(parseNdjsonLines, lines, kinds, expected);
      if (run % 10 === 0) {
        const t = testEngine(Date.parse('2026-03-02T09:00:00Z'));
        expect(t.engine.ingestNdjson('fuzz.ndjson', lines).quarantined).toBe(refused);
        t.close();
      }
    }
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});
