/**
 * Both Amazon Connect adapters against 100,000 random and mutated lines each, interleaved with the good lines of
 * the real-format fixtures. Properties: parsing never throws; every non-blank line gets exactly one result (events
 * or a reason); every event emitted is a valid canonical event; the good lines keep exactly the events they give
 * alone; lines that cannot be read (broken JSON, not an object, a required field gone or mistyped) get a reason;
 * and through the engine, the quarantine holds exactly the lines given a reason.
 *
 * The seed is fixed so a run is repeatable; FUZZ_SEED=<n> explores others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdapterContext, FeedAdapter } from '../../src/core/ingest/adapter';
import { createConnectAgentAdapter } from '../../src/core/ingest/connect-agent';
import { createConnectCtrAdapter } from '../../src/core/ingest/connect-ctr';
import { MAX_LINE_LENGTH, numberLines, type SourceLine } from '../../src/core/ingest/source-lines';
import { canonicalEvent, type CanonicalEvent } from '../../src/core/model/events';
import { testEngine } from '../helpers/engine';

const FIXTURES = join(__dirname, '..', 'fixtures', 'connect');
const SEED = Number(process.env.FUZZ_SEED ?? 20260302);
/** Runs per adapter x fuzz lines per run = 100,000 fuzz lines per adapter. */
const RUNS = 200;
const FUZZ_PER_RUN = 500;
/** Every ENGINE_EVERY-th run also goes through an engine, to check the quarantine. */
const ENGINE_EVERY = 20;

/** Markers in the mutation templates: N a number unique to the mutant, K one of 7 (mutant agents share state). */
const N_MARKER = '@@N@@';
const K_MARKER = '@@K@@';

const noCtx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Feed {
  name: string;
  create: (ctx: AdapterContext) => FeedAdapter;
  good: string[];
  /** Templates for mutation: good records re-keyed (with markers) so no mutant can touch a good line's contact or agent. */
  rekey: (r: Record<string, Json>) => Record<string, Json>;
  /** Top-level fields without which a record cannot be read. */
  required: string[];
}

const readLines = (file: string) => readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter(Boolean);

const FEEDS: Feed[] = [
  {
    name: 'connect-ctr',
    create: (ctx) => createConnectCtrAdapter(ctx),
    good: readLines('ctr-2026-03-02.jsonl'),
    rekey: (r) => ({ ...r, ContactId: `mut-${N_MARKER}` }),
    required: ['ContactId', 'LastUpdateTimestamp'],
  },
  {
    name: 'connect-agent',
    create: (ctx) => createConnectAgentAdapter(ctx),
    good: readLines('agent-events-2026-03-02.jsonl'),
    rekey: (r) => {
      const snap = r.CurrentAgentSnapshot as Record<string, Json> | null;
      const conf = (snap?.Configuration ?? null) as Record<string, Json> | null;
      return {
        ...r,
        EventId: `mut-ev-${N_MARKER}`,
        AgentARN: 'arn:aws:connect:us-east-1:123456789012:instance/i/agent/mut-arn',
        CurrentAgentSnapshot: snap && { ...snap, Configuration: conf && { ...conf, Username: `mut-user-${K_MARKER}` } },
      };
    },
    required: ['EventId', 'EventTimestamp', 'EventType'],
  },
];

/** Every path into a JSON value (objects and arrays), the root excluded. */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      const p = [...prefix, k];
      out.push(p);
      paths(child, p, out);
    }
  }
  return out;
}

function getAt(root: Json, path: (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const k of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, Json>)[k] : undefined;
  return node;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): void {
  let node = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}

/** A fuzz line, and whether it must be refused. */
interface FuzzLine {
  text: string;
  mustRefuse: boolean;
}

const garbageInstant = fc.oneof(
  fc.constantFrom('2026-02-30T09:00:00Z', '2026-13-01T00:00:00Z', '2026-03-02 09:00:00', '2026-03-02T09:00:00', '', 'now', '1969-12-31T23:59:59Z', '2026-03-02T25:61:00Z'),
  fc.integer(),
  fc.string({ maxLength: 30 }),
);

/** A mutation plan, applied to a re-keyed good record. */
const mutation = fc.record({
  template: fc.nat(),
  op: fc.integer({ min: 0, max: 10 }),
  extreme: fc.constantFrom(1e308, 1e20, 2 ** 53 + 2, 31_622_401, -1, 0.5, 0, -0),
  where: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  instant: garbageInstant as fc.Arbitrary<Json>,
  text: fc.string({ maxLength: 8 }),
});

/** Per feed, its re-keyed templates serialized with a marker for the number, and their paths (computed once). */
const templateCache = new Map<Feed, { text: string; paths: (string | number)[][] }[]>();

function template(feed: Feed, index: number, n: number): { record: Record<string, Json>; paths: (string | number)[][] } {
  let cached = templateCache.get(feed);
  if (!cached) {
    cached = feed.good.map((line) => {
      const record = feed.rekey(JSON.parse(line) as Record<string, Json>);
      return { text: JSON.stringify(record), paths: paths(record) };
    });
    templateCache.set(feed, cached);
  }
  const t = cached[index % cached.length];
  const text = t.text.replaceAll(N_MARKER, String(n)).replaceAll(K_MARKER, String(n % 7));
  return { record: JSON.parse(text) as Record<string, Json>, paths: t.paths };
}

function applyMutation(feed: Feed, m: { template: number; op: number; extreme: number; where: number; value: Json; instant: Json; text: string }, n: number): FuzzLine {
  const { record, paths: all } = template(feed, m.template, n);
  const path = all[m.where % all.length];
  const serialized = () => JSON.stringify(record);
  switch (m.op) {
    case 0: // delete any field or array element
    case 1:
      setAt(record, path, undefined);
      return { text: serialized(), mustRefuse: path.length === 1 && feed.required.includes(String(path[0])) };
    case 2: // any field to any JSON value
    case 3:
      setAt(record, path, m.value);
      return { text: serialized(), mustRefuse: path.length === 1 && feed.required.includes(String(path[0])) && typeof m.value !== 'string' };
    case 4: {
      // a timestamp field to something that is not one (or is, by chance: then either answer is fine)
      const stamps = all.filter((p) => /Timestamp$/.test(String(p[p.length - 1])));
      const p = stamps[m.where % stamps.length];
      setAt(record, p, m.instant);
      const required = p.length === 1 && feed.required.includes(String(p[0]));
      return { text: serialized(), mustRefuse: required && typeof m.instant !== 'string' };
    }
    case 5: {
      // a required field deleted
      setAt(record, [feed.required[m.where % feed.required.length]], undefined);
      return { text: serialized(), mustRefuse: true };
    }
    case 6: {
      // the line cut short
      const s = serialized();
      const cut = s.slice(0, m.where % s.length);
      return { text: cut, mustRefuse: cut.trim() !== '' };
    }
    case 7: {
      // a few characters overwritten
      const s = serialized();
      const at = m.where % s.length;
      return { text: s.slice(0, at) + m.text + s.slice(at + m.text.length), mustRefuse: false };
    }
    case 10: {
      // a number (a duration, a concurrency) to an extreme one, with the ACW end gone so durations are used
      const numbers = all.filter((p) => typeof getAt(record, p) === 'number');
      if (numbers.length > 0) setAt(record, numbers[m.where % numbers.length], m.extreme);
      const agent = record.Agent as Record<string, Json> | null | undefined;
      if (agent && typeof agent === 'object') delete agent.AfterContactWorkEndTimestamp;
      return { text: serialized(), mustRefuse: false };
    }
    case 8: // the record wrapped, or sent as a JSON string
      return { text: m.where % 2 ? `[${serialized()}]` : JSON.stringify(serialized()), mustRefuse: true };
    default: // unknown extra fields everywhere are harmless; a key duplicated
      return { text: serialized().replace(/^\{/, `{"${m.text.replace(/["\\]/g, '')}x":${JSON.stringify(m.value)},`), mustRefuse: false };
  }
}

/** Lines from nowhere: strings, JSON of every shape, blanks, and lines too long. */
const randomLine: fc.Arbitrary<FuzzLine> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 80 }).map((text) => ({ text, mustRefuse: text.trim() !== '' && !isJsonObject(text) })) },
  { weight: 3, arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ text, mustRefuse: !isJsonObject(text) })) },
  { weight: 2, arbitrary: fc.object({ maxDepth: 2 }).map((o) => ({ text: JSON.stringify(o) ?? 'null', mustRefuse: false })) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'null', '{}', '[]', '""', '{"EventType":"HEART_BEAT"}', '{"ContactId":"x"}').map((text) => ({ text, mustRefuse: text.trim() !== '' })) },
  { weight: 1, arbitrary: fc.constant({ text: `{"ContactId":"${'x'.repeat(MAX_LINE_LENGTH)}"}`, mustRefuse: true }) },
);

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** The events each good line gives when its feed is read alone, in order. */
function eventsAlone(feed: Feed): (CanonicalEvent[] | undefined)[] {
  const parsed = feed.create(noCtx).parse(feed.good.map((text, i) => ({ position: i + 1, text })));
  return parsed.map((p) => p.events);
}

describe.each(FEEDS)('$name: 100,000 random and mutated lines among the good ones', (feed) => {
  it('never throws, answers every line, keeps the good lines, refuses the unreadable, quarantines exactly the refused', () => {
    const expectedGood = eventsAlone(feed);
    expect(expectedGood.every((e) => e !== undefined)).toBe(true);
    let run = 0;
    let fuzzLines = 0;
    let refused = 0;
    let engineQuarantined = 0;
    const started = performance.now();

    const fuzzLine = fc.oneof({ weight: 3, arbitrary: mutation.map((m) => ({ m })) }, { weight: 2, arbitrary: randomLine.map((r) => ({ r })) });
    // fc.check, not fc.assert: a counterexample is 500 lines, too long to print; the failing line is in the message.
    const result = fc.check(
      fc.property(fc.array(fuzzLine, { minLength: FUZZ_PER_RUN, maxLength: FUZZ_PER_RUN }), fc.array(fc.nat(FUZZ_PER_RUN), { minLength: feed.good.length, maxLength: feed.good.length }), (fuzz, slots) => {
        run++;
        // Lay the good lines, in their order, among the fuzz lines at random slots.
        const sortedSlots = [...slots].sort((a, b) => a - b);
        const lines: { text: string; good: number | null; mustRefuse: boolean }[] = [];
        let g = 0;
        fuzz.forEach((f, i) => {
          while (g < feed.good.length && sortedSlots[g] <= i) (lines.push({ text: feed.good[g], good: g, mustRefuse: false }), g++);
          const line = 'm' in f ? applyMutation(feed, f.m, run * FUZZ_PER_RUN + i) : f.r;
          lines.push({ ...line, good: null });
        });
        while (g < feed.good.length) (lines.push({ text: feed.good[g], good: g, mustRefuse: false }), g++);
        fuzzLines += fuzz.length;

        const source: SourceLine[] = lines.map((l, i) => ({ position: i + 1, text: l.text }));
        const useEngine = run % ENGINE_EVERY === 0;
        const t = useEngine ? testEngine(Date.parse('2026-03-02T10:30:00Z')) : null;
        try {
          const adapter = feed.create(t ? t.engine.adapterContext : noCtx);
          const parsed = adapter.parse(source);
          const byPosition = new Map(parsed.map((p) => [p.position, p]));
          // Plain checks rather than expect() per line: 100,000 lines x 5 expects is most of the run time.
          const fail = (i: number, what: string) => {
            const p = byPosition.get(i + 1);
            throw new Error(`line ${i + 1} ${what}: ${JSON.stringify({ reason: p?.reason, events: p?.events }).slice(0, 800)} <- ${lines[i].text.slice(0, 3000)}`);
          };
          if (byPosition.size !== parsed.length) throw new Error('two answers for one line');
          let reasons = 0;
          lines.forEach((l, i) => {
            const p = byPosition.get(i + 1);
            if (l.text.trim() === '') return void (p === undefined || fail(i, 'is blank but was answered'));
            if (p === undefined) return fail(i, 'got no answer');
            if (p.reason !== undefined) {
              reasons++;
              if (p.reason.length === 0 || p.events !== undefined) fail(i, 'has an empty reason, or events too');
            } else {
              if (!Array.isArray(p.events)) fail(i, 'has neither events nor a reason');
              for (const e of p.events!) {
                const v = canonicalEvent.safeParse(e);
                if (!v.success) fail(i, `gave an invalid canonical event (${v.error.issues[0]?.path.join('.')}: ${v.error.issues[0]?.message})`);
              }
            }
            if (l.good !== null && !isDeepStrictEqual(p.events, expectedGood[l.good])) fail(i, `(good line ${l.good + 1}) lost its events`);
            if (l.mustRefuse && p.reason === undefined) fail(i, 'should have been refused');
          });
          refused += reasons;
          if (t) {
            const summary = t.engine.ingestParsed(feed.name, feed.name, parsed);
            expect(summary.quarantined).toBe(reasons);
            expect(summary.accepted + summary.duplicates + summary.quarantined).toBe(parsed.length);
            expect(t.engine.handlers['quarantine/list']({ limit: 10_000, source: feed.name })).toHaveLength(reasons);
            engineQuarantined += summary.quarantined;
          }
        } finally {
          t?.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (result.failed) {
      const message = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(`${feed.name} fuzz run ${run} failed (seed ${SEED}, path ${result.counterexamplePath ?? '?'}): ${message.slice(0, 2000)}`);
    }

    const seconds = (performance.now() - started) / 1000;
    expect(fuzzLines).toBe(RUNS * FUZZ_PER_RUN);
    expect(refused).toBeGreaterThan(fuzzLines / 4);
    expect(engineQuarantined).toBeGreaterThan(0);
    console.log(`${feed.name}: ${fuzzLines} fuzz lines + ${RUNS * feed.good.length} good, ${refused} refused, ${engineQuarantined} quarantined through ${RUNS / ENGINE_EVERY} engines, ${seconds.toFixed(1)} s (seed ${SEED})`);
  });
});

// Fixture sanity: the good lines themselves parse cleanly, so the fuzz runs measure the fuzz, not the fixture.
it('the fixtures are all good lines', () => {
  for (const feed of FEEDS) {
    const parsed = feed.create(noCtx).parse(numberLines(feed.good.join('\n')));
    expect(parsed.filter((p) => p.reason !== undefined)).toEqual([]);
  }
});
