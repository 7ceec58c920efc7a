/**
 * The queue_log adapter against 120,000+ mutated and random lines, interleaved (in order) with the good lines of the
 * hand-written fixture. Properties: parsing never throws; every non-blank line gets exactly one result (events or a
 * reason); every event emitted is a valid canonical event; the good lines keep exactly the events they give alone
 * (no good line lost or changed by the noise around it); every mutant built to be unreadable gets a reason; and
 * through the engine, the quarantine holds exactly the lines given a reason.
 *
 * Random lines use their own call ids, queues and agents, so a random line that happens to read (an unknown verb,
 * or even a well-formed one) cannot touch a good line's contact or agent. The seed is fixed so a run is
 * repeatable; FUZZ_SEED=<n> explores others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { MAX_LINE_LENGTH, numberLines, type SourceLine } from '../../src/core/ingest/source-lines';
import { createQueueLogAdapter } from '../../src/core/ingest/queue-log';
import { NO_CALL_IDS } from '../../src/core/ingest/queue-log-fields';
import { canonicalEvent, type CanonicalEvent } from '../../src/core/model/events';
import type { ParsedLine } from '../../src/core/store/store';
import { testEngine } from '../helpers/engine';

const FIXTURE = join(__dirname, '..', 'fixtures', 'queue_log', 'sample.log');
const SEED = Number(process.env.FUZZ_SEED ?? 20240302);
/** Runs x about FUZZ_PER_RUN fuzz lines (+ the good lines) per run: over 120,000 lines in all. */
const RUNS = 120;
const FUZZ_PER_RUN = 1000;
/** Every ENGINE_EVERY-th run also goes through an engine, to check the quarantine and the figures. */
const ENGINE_EVERY = 20;

const ctx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };

/** The fixture's readable lines, and what each gives when read alone, in order, by a fresh adapter. */
const fixture = numberLines(readFileSync(FIXTURE, 'utf8'));
const cleanRun = createQueueLogAdapter(ctx).parse(fixture);
const good = cleanRun.filter((l) => l.reason === undefined);
const goodTexts = good.map((l) => l.text);
const expectedEvents = good.map((l) => l.events!);

/** The fixed fields a verb needs (a mutant that blanks one must be refused) and its whole-number data fields. */
const NEEDS: Record<string, { call?: true; queue?: true; agent?: true; numbers?: (f: string[]) => number[] }> = {
  ENTERQUEUE: { call: true, queue: true },
  CONNECT: { call: true, queue: true, agent: true, numbers: () => [5] },
  COMPLETECALLER: { call: true, queue: true, numbers: () => [5, 6] },
  COMPLETEAGENT: { call: true, queue: true, numbers: () => [5, 6] },
  TRANSFER: { call: true, queue: true, numbers: () => [7, 8] },
  BLINDTRANSFER: { call: true, queue: true, numbers: () => [7, 8] },
  ATTENDEDTRANSFER: { call: true, queue: true, numbers: (f) => (f[5] === 'LINK' ? [8, 9] : [7, 8]) },
  ABANDON: { call: true, queue: true, numbers: () => [7] },
  EXITWITHTIMEOUT: { call: true, queue: true, numbers: () => [7] },
  EXITEMPTY: { call: true, queue: true, numbers: () => [7] },
  WITHDRAW: { call: true, queue: true, numbers: () => [7] },
  EXITWITHKEY: { call: true, queue: true },
  RINGNOANSWER: { call: true, queue: true, numbers: () => [5] },
  RINGCANCELED: { call: true, queue: true, numbers: () => [5] },
  AGENTLOGIN: { agent: true },
  AGENTLOGOFF: { agent: true },
  ADDMEMBER: { agent: true, queue: true },
  REMOVEMEMBER: { agent: true, queue: true },
  PAUSE: { agent: true },
  UNPAUSE: { agent: true },
  PAUSEALL: { agent: true },
  UNPAUSEALL: { agent: true },
};

const set = (f: string[], i: number, v: string) => f.map((x, j) => (j === i ? v : x)).join('|');
const notEpoch = (s: string) => !/^\d{9,10}(\.\d{1,9})?$/.test(s) && !/^\s/.test(s) && !s.includes('|');

/** Mutants of good line `i` that cannot be read: each must be refused with a reason. */
function mutantArb(): fc.Arbitrary<string> {
  return fc.nat(goodTexts.length - 1).chain((i) => {
    const f = goodTexts[i].split('|');
    const needs = NEEDS[f[4]] ?? {};
    const options: fc.Arbitrary<string>[] = [
      fc.integer({ min: 1, max: 4 }).map((k) => f.slice(0, k).join('|')),
      fc
        .oneof(fc.constantFrom('', 'abc', '-1709370000', '1e9', '170937000', '17093700001', '1709370000.', '.5', '1709370000,5', '１７０９３７００００'), fc.string({ maxLength: 12 }))
        .filter(notEpoch)
        .map((v) => set(f, 0, v)),
      fc.constant(set(f, 4, '')),
      fc.constantFrom('CON NECT', 'ENTER/QUEUE', '-PAUSE', 'X'.repeat(41), 'ÉVÉNEMENT', '\tCONNECT').map((v) => set(f, 4, v)),
      fc.integer({ min: 65, max: 200 }).map((n) => set(f, 1 + (n % 3), 'z'.repeat(n))),
    ];
    if (needs.call) options.push(fc.constantFrom(...NO_CALL_IDS, '').map((v) => set(f, 1, v)));
    if (needs.queue) options.push(fc.constantFrom('NONE', '').map((v) => set(f, 2, v)));
    if (needs.agent) options.push(fc.constantFrom('NONE', '').map((v) => set(f, 3, v)));
    const numbers = needs.numbers?.(f).filter((n) => n < f.length) ?? [];
    if (numbers.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...numbers), fc.constantFrom('', 'x', '1.5', '-3', ' 4', '12345678901', '0x10', '٣')).map(([n, v]) => {
          const line = set(f, n, v);
          // A blank last field read as missing is still refused; trailing blanks would be trimmed away.
          return line.trimEnd() === line ? line : set(f, n, 'x');
        }),
      );
    }
    return fc.oneof(...options);
  });
}

/** Random lines: anything at all, and pipe-separated lines built of the fixture's vocabulary with foreign ids. */
const noiseArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ maxLength: 60, unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('', 'NONE', 'MANAGER', '1709370000', '1709370000.5', 'noise-q', 'noise-agent', 'n.1', 'n.2', 'PAUSED', '15000'),
        fc.constantFrom('ENTERQUEUE', 'CONNECT', 'COMPLETECALLER', 'ABANDON', 'PAUSE', 'ATTENDEDTRANSFER', 'LINK', 'BRIDGE', 'FOO'),
        fc.string({ maxLength: 8 }).filter((s) => !/Alice|Bob|Carol|Dave|Agent|sales|support|billing/.test(s)),
      ),
      { minLength: 0, maxLength: 10 },
    )
    .map((fields) => fields.join('|')),
);

type Item = { kind: 'mutant' | 'noise'; text: string };
const itemArb: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: mutantArb().map((text) => ({ kind: 'mutant' as const, text })) },
  { weight: 2, arbitrary: noiseArb.map((text) => ({ kind: 'noise' as const, text })) },
);
/** A handful of over-long lines per run (64 KiB each: not thousands), drawn as indices so a counterexample stays short. */
const longArb = fc.nat(goodTexts.length - 1);
const longLine = (i: number): Item => ({ kind: 'mutant', text: `${goodTexts[i]}|${'x'.repeat(MAX_LINE_LENGTH)}` });

describe('queue_log adapter fuzz', () => {
  it('never throws, loses no good line, and refuses every unreadable one, over 120,000 lines', () => {
    const started = performance.now();
    let total = 0;
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(FUZZ_PER_RUN), itemArb), { minLength: FUZZ_PER_RUN, maxLength: FUZZ_PER_RUN }),
        fc.array(fc.tuple(fc.nat(FUZZ_PER_RUN), longArb), { maxLength: 3 }),
        (items, longs) => {
          run++;
          // Good lines go in order at their own slots; fuzz lines at random slots between them.
          const slots: { at: number; order: number; text: string; kind: 'good' | Item['kind']; goodIndex?: number }[] = [];
          goodTexts.forEach((text, g) => slots.push({ at: Math.floor(((g + 0.5) * FUZZ_PER_RUN) / goodTexts.length), order: 0, text, kind: 'good', goodIndex: g }));
          [...items, ...longs.map(([at, i]) => [at, longLine(i)] as const)].forEach(([at, item], n) => slots.push({ at, order: 1 + n, text: item.text, kind: item.kind }));
          slots.sort((a, b) => a.at - b.at || a.order - b.order);
          const lines: SourceLine[] = slots.map((s, i) => ({ position: i + 1, text: s.text }));
          total += lines.length;

          const adapter = createQueueLogAdapter(ctx);
          const parsed = adapter.parse(lines); // a throw fails the property
          // Plain checks collected as failures (one expect per run: 100,000 expect calls would dominate the time).
          const failures: string[] = [];
          const byPosition = new Map<number, ParsedLine>();
          for (const p of parsed) {
            if (byPosition.has(p.position)) failures.push(`position ${p.position}: two results`);
            byPosition.set(p.position, p);
            if ((p.events === undefined) === (p.reason === undefined)) failures.push(`position ${p.position}: neither or both of events and reason`);
            if (p.reason !== undefined && p.reason.length === 0) failures.push(`position ${p.position}: empty reason`);
            for (const e of p.events ?? []) if (!canonicalEvent.safeParse(e).success) failures.push(`position ${p.position}: invalid event ${JSON.stringify(e)}`);
          }
          slots.forEach((s, i) => {
            const p = byPosition.get(i + 1);
            if (s.text.trim() === '') {
              if (p !== undefined) failures.push(`blank line ${i + 1} got a result`);
            } else if (p === undefined) failures.push(`no result for ${JSON.stringify(s.text)}`);
            else if (s.kind === 'good') {
              if (!isDeepStrictEqual(p.events, expectedEvents[s.goodIndex!])) failures.push(`good line changed: ${s.text}`);
            } else if (s.kind === 'mutant' && p.reason === undefined) failures.push(`mutant read: ${JSON.stringify(s.text.slice(0, 200))}`);
          });
          expect(failures.slice(0, 10)).toEqual([]);

          if (run % ENGINE_EVERY === 0) checkThroughEngine(lines, parsed);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`queue_log fuzz: ${total} lines in ${RUNS} runs, ${seconds.toFixed(1)} s`);
    expect(total).toBeGreaterThanOrEqual(120_000);
  });
});

/** Through the engine: the quarantine holds exactly the refused lines, and the good lines' figures are the clean run's. */
function checkThroughEngine(lines: SourceLine[], parsed: ParsedLine[]): void {
  const window = { from: '2024-03-02T08:00:00Z', to: '2024-03-02T11:00:00Z', by: 'queue' as const };
  const clean = testEngine(Date.parse('2024-03-02T12:00:00Z'));
  const fuzzed = testEngine(Date.parse('2024-03-02T12:00:00Z'));
  try {
    clean.engine.ingestWith(createQueueLogAdapter(clean.engine.adapterContext), 'ql', fixture);
    const summary = fuzzed.engine.ingestWith(createQueueLogAdapter(fuzzed.engine.adapterContext), 'ql', lines);
    const refused = parsed.filter((p) => p.reason !== undefined).length;
    expect(summary.quarantined).toBe(refused);
    expect(fuzzed.engine.store.quarantinedCount('ql')).toBe(refused);
    const ours = (rows: { key: string }[]) => rows.filter((r) => ['sales', 'support', 'billing'].includes(r.key));
    expect(ours(fuzzed.engine.handlers['metrics/window'](window).rows)).toEqual(ours(clean.engine.handlers['metrics/window'](window).rows));
    const events = (p: ParsedLine[]): CanonicalEvent[] => p.flatMap((l) => l.events ?? []);
    expect(events(parsed).length).toBeGreaterThanOrEqual(events(cleanRun).length);
  } finally {
    clean.close();
    fuzzed.close();
  }
}
