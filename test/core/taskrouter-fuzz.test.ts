/**
 * Fuzzing the TaskRouter adapter: random lines and mutations of the real-format fixture lines, interleaved with the
 * good fixture lines in order. The adapter must never throw, must answer every non-blank line with events or a
 * reason, and must give the good lines exactly the events it gives them alone; through the engine, every refused
 * line is quarantined and the good queues' figures do not move.
 *
 * Mutated lines are made from fixture lines whose tasks, workers and queues were first renamed (TaskSid and
 * WorkerSid hex reversed, Sales -> Fuzzq, Support -> Fuzzr), so a mutation that happens to stay valid acts on its
 * own tasks, workers and queues and cannot touch the good ones (the adapter remembers each worker's tasks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { numberLines, type SourceLine } from '../../src/core/ingest/source-lines';
import { createTaskRouterAdapter } from '../../src/core/ingest/taskrouter';
import type { ParsedLine } from '../../src/core/store/store';
import { testEngine } from '../helpers/engine';

const FIXTURES = join(__dirname, '..', 'fixtures', 'taskrouter');
const GOOD = [
  ...numberLines(readFileSync(join(FIXTURES, 'webhooks.form'), 'utf8')),
  ...numberLines(readFileSync(join(FIXTURES, 'event-streams.jsonl'), 'utf8')),
].map((l) => l.text);

const ctx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };

/** The good lines' events when read alone, in order. */
const BASELINE = createTaskRouterAdapter(ctx).parse(GOOD.map((text, i) => ({ position: i + 1, text })));

function rename(text: string): string {
  return text
    .replace(/(WT|WK)([0-9a-f]{32})/g, (_, kind: string, hex: string) => `${kind}${[...hex].reverse().join('')}`)
    .replaceAll('Sales', 'Fuzzq')
    .replaceAll('Support', 'Fuzzr');
}
const BASES = GOOD.map(rename);

const FIELDS = ['EventType', 'Timestamp', 'TimestampMs', 'TaskSid', 'TaskQueueName', 'TaskQueueSid', 'WorkerSid', 'WorkerName', 'WorkerActivityName', 'TaskAttributes', 'TaskChannelUniqueName', 'Sid'];
const NASTY_VALUES = [
  '', ' ', '-1', '0', 'NaN', 'Infinity', '1e400', '99999999999999999999', '2026-02-30T00:00:00Z', '2026-03-02T09:00:00', 'yesterday',
  'task.canceled', 'task.completed', 'reservation.accepted', 'worker.activity.update', 'task-queue.entered', 'workflow.timeout',
  'x'.repeat(300), '%', '%E0%A4%A', '{', '{"channelType":5}', '[]', 'null', '\u0000', '\uD800', 'WT', 'EV', 'é', '𝄞',
];
const SPECIAL = ['%', '&', '=', '"', '{', '}', '[', ']', ',', ':', ' ', '\t', '\u0000', '+', '\\', '\uD800', '\n', 'EventType=', '%25', '%2'];

type Op =
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'field'; name: string; value: string }
  | { kind: 'drop'; name: string }
  | { kind: 'concat'; other: number }
  | { kind: 'json'; how: 'array' | 'nullData' | 'type' | 'stringify' | 'nest' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('field' as const), name: fc.constantFrom(...FIELDS), value: fc.oneof(fc.constantFrom(...NASTY_VALUES), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('drop' as const), name: fc.constantFrom(...FIELDS) }),
  fc.record({ kind: fc.constant('concat' as const), other: fc.nat() }),
  fc.record({ kind: fc.constant('json' as const), how: fc.constantFrom('array' as const, 'nullData' as const, 'type' as const, 'stringify' as const, 'nest' as const) }),
);

/** Set or remove a field: in a form post by name, in a CloudEvent in its payload (snake_case). */
function editField(text: string, name: string, value: string | null): string {
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const json: unknown = JSON.parse(text);
      const items = Array.isArray(json) ? json : [json];
      const key = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      for (const it of items as { data?: { payload?: Record<string, unknown> } }[]) {
        const target = it?.data?.payload ?? (it?.data as Record<string, unknown> | undefined);
        if (target && typeof target === 'object') {
          if (value === null) delete target[key];
          else target[key] = value;
        }
      }
      return JSON.stringify(json);
    } catch {
      return text;
    }
  }
  const p = new URLSearchParams(text);
  if (value === null) p.delete(name);
  else p.set(name, value);
  return p.toString();
}

function mutate(base: number, ops: Op[]): string {
  let t = BASES[base % BASES.length];
  for (const op of ops) {
    const at = (n: number) => (t.length === 0 ? 0 : n % (t.length + 1));
    switch (op.kind) {
      case 'insert':
        t = t.slice(0, at(op.at)) + op.s + t.slice(at(op.at));
        break;
      case 'delete':
        t = t.slice(0, at(op.at)) + t.slice(at(op.at) + op.len);
        break;
      case 'truncate':
        t = t.slice(0, at(op.at));
        break;
      case 'field':
        t = editField(t, op.name, op.value);
        break;
      case 'drop':
        t = editField(t, op.name, null);
        break;
      case 'concat':
        t = t + (op.other % 2 === 0 ? '&' : '') + BASES[op.other % BASES.length];
        break;
      case 'json':
        if (!t.startsWith('{') && !t.startsWith('[')) {
          t = JSON.stringify(Object.fromEntries(new URLSearchParams(t)));
          break;
        }
        try {
          const j = JSON.parse(t) as Record<string, unknown>;
          if (op.how === 'array') t = JSON.stringify([j, j]);
          else if (op.how === 'nullData') t = JSON.stringify({ ...j, data: null });
          else if (op.how === 'type') t = JSON.stringify({ ...j, type: 'com.twilio.taskrouter.' });
          else if (op.how === 'stringify') t = JSON.stringify(JSON.stringify(j));
          else t = JSON.stringify({ ...j, data: { payload: JSON.stringify((j.data as { payload?: unknown } | null)?.payload ?? {}) } });
        } catch {
          t = `[${t}`;
        }
        break;
    }
  }
  return t;
}

/** A bad line: random text (must be refused), or a mutated fixture line (may or may not stay valid). */
type Bad = { random: true; text: string } | { random: false; text: string };
const badArb: fc.Arbitrary<Bad> = fc.oneof(
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.json({ maxDepth: 2 })).map((text): Bad => ({ random: true, text })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.array(opArb, { minLength: 1, maxLength: 4 })).map(([b, ops]): Bad => ({ random: false, text: mutate(b, ops) })) },
);

const BATCH = 1_000;
const RUNS = 100;

/** The good lines in order, with `bad` lines inserted before good line `slots[i] % (GOOD.length + 1)`. */
function interleave(bad: Bad[], slots: number[]): { lines: SourceLine[]; goodAt: number[]; randomAt: Set<number> } {
  const before = new Map<number, Bad[]>();
  bad.forEach((b, i) => {
    const slot = slots[i] % (GOOD.length + 1);
    before.set(slot, [...(before.get(slot) ?? []), b]);
  });
  const lines: SourceLine[] = [];
  const goodAt: number[] = [];
  const randomAt = new Set<number>();
  for (let g = 0; g <= GOOD.length; g++) {
    for (const b of before.get(g) ?? []) {
      lines.push({ position: lines.length + 1, text: b.text });
      if (b.random) randomAt.add(lines.length);
    }
    if (g < GOOD.length) {
      lines.push({ position: lines.length + 1, text: GOOD[g] });
      goodAt.push(lines.length);
    }
  }
  return { lines, goodAt, randomAt };
}

function checkParsed(lines: SourceLine[], parsed: ParsedLine[], goodAt: number[], randomAt: Set<number>): void {
  const nonBlank = lines.filter((l) => l.text.trim() !== '').map((l) => l.position);
  expect(parsed.map((p) => p.position)).toEqual(nonBlank);
  const byPosition = new Map(parsed.map((p) => [p.position, p]));
  for (const p of parsed) {
    expect(p.events !== undefined || (typeof p.reason === 'string' && p.reason.length > 0)).toBe(true);
    if (p.reason !== undefined) expect(p.reason).not.toMatch(/^adapter error/);
  }
  goodAt.forEach((pos, i) => expect(byPosition.get(pos)).toEqual({ ...BASELINE[i], position: pos }));
  for (const pos of randomAt) {
    const p = byPosition.get(pos);
    if (p) expect(p.reason, lines[pos - 1].text).toBeDefined();
  }
}

describe('TaskRouter adapter under fuzzing', () => {
  it(`reads ${RUNS} x ${BATCH} random and mutated lines among the good ones without throwing or disturbing them`, () => {
    const started = Date.now();
    let total = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(badArb, { minLength: BATCH, maxLength: BATCH }), fc.array(fc.nat(), { minLength: BATCH, maxLength: BATCH }), (bad, slots) => {
        const { lines, goodAt, randomAt } = interleave(bad, slots);
        const parsed = createTaskRouterAdapter(ctx).parse(lines);
        checkParsed(lines, parsed, goodAt, randomAt);
        total += lines.length;
        refused += parsed.filter((p) => p.reason !== undefined).length;
      }),
      { numRuns: RUNS, seed: 20260302, endOnFailure: true },
    );
    expect(total).toBeGreaterThanOrEqual(RUNS * (BATCH + GOOD.length));
    expect(refused).toBeGreaterThan(RUNS * BATCH * 0.5); // most bad lines are refused; the rest stayed valid TaskRouter
    console.info(`taskrouter fuzz: ${total} lines (${refused} refused) in ${Date.now() - started} ms`);
  });

  it('quarantines every refused line through the engine and leaves the good queues as they were', () => {
    const bad = fc.sample(badArb, { numRuns: 20_000, seed: 7 });
    const slots = fc.sample(fc.nat(), { numRuns: 20_000, seed: 8 });
    const { lines } = interleave(bad, slots);
    const expectedRefused = createTaskRouterAdapter(ctx).parse(lines).filter((p) => p.reason !== undefined).length;

    const clean = testEngine(Date.parse('2026-03-02T12:00:00Z'));
    clean.engine.ingestWith(createTaskRouterAdapter(clean.engine.adapterContext), 'good', GOOD.map((text, i) => ({ position: i + 1, text })));
    // every refused line listed: over the default quarantine cap of 10,000 rows a source
    const fuzzed = testEngine(Date.parse('2026-03-02T12:00:00Z'), {}, ':memory:', { quarantineCap: 20_000 });
    const summary = fuzzed.engine.ingestWith(createTaskRouterAdapter(fuzzed.engine.adapterContext), 'fuzzed', lines);
    expect(summary.quarantined).toBe(expectedRefused);
    expect(fuzzed.engine.handlers['quarantine/list']({ limit: 1_000_000, source: 'fuzzed' })).toHaveLength(expectedRefused);

    const goodQueues = (e: typeof clean.engine) =>
      e.handlers['metrics/window']({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z', by: 'queue' }).rows.filter((r) => r.key === 'Sales' || r.key === 'Support');
    expect(goodQueues(fuzzed.engine)).toEqual(goodQueues(clean.engine));
    clean.close();
    fuzzed.close();
  });
});
