/**
 * Standards evaluation (issue 4): the time to evaluate 20 center-wide standards on the center and each channel
 * (100 cells) over the tick benchmark's floor (100 queues, 4 channels, 2,000 agents, 100,000 contacts today).
 */
import type { StandardsSetInput } from '../src/core/standards/standard';
import { standardsSetSchema } from '../src/core/standards/standard';
import { busyFloor } from './busy-floor';
import { defaultStandards } from '../src/core/standards/defaults';
import { whatIf } from '../src/core/standards/what-if';
import type { FloorFacts } from '../src/core/standards/evaluate';
import type { Contact } from '../src/core/model/types';

type Report = (name: string, value: string) => void;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function twentyStandards(): StandardsSetInput {
  const windows = ['rolling-15m', 'rolling-30m', 'rolling-60m', 'today'] as const;
  const standards: StandardsSetInput['standards'] = [];
  windows.forEach((window, w) => {
    standards.push(
      { id: `sl-${w}`, name: `SL ${window}`, metric: 'service-level', scope: { kind: 'center' }, window, comparator: 'at-least', tiers: { expected: 0.7, desired: 0.8, delight: 0.9 }, options: { thresholdSeconds: 20 + w } },
      { id: `asa-${w}`, name: `ASA ${window}`, metric: 'asa', scope: { kind: 'center' }, window, comparator: 'at-most', tiers: { expected: 60, desired: 30, delight: 15 } },
      { id: `ab-${w}`, name: `Abandons ${window}`, metric: 'abandon-rate', scope: { kind: 'center' }, window, comparator: 'at-most', tiers: { expected: 0.08, desired: 0.05, delight: 0.02 } },
      { id: `p90-${w}`, name: `Wait p90 ${window}`, metric: 'wait-p90', scope: { kind: 'center' }, window, comparator: 'at-most', tiers: { expected: 120, desired: 60, delight: 30 } },
      { id: `fr-${w}`, name: `First response ${window}`, metric: 'first-response-within', scope: { kind: 'center' }, window, comparator: 'at-least', tiers: { expected: 0.8, desired: 0.9, delight: 0.95 }, options: { thresholdSeconds: 60 } },
    );
  });
  return { version: 1, standards };
}

/** The same 20 standards on each of the 100 queues: 2,000 queue-scoped standards (the most a set holds). */
function twentyStandardsPerQueue(queues: number): StandardsSetInput {
  const standards: StandardsSetInput['standards'] = [];
  for (let q = 0; q < queues; q++) {
    for (const s of twentyStandards().standards) standards.push({ ...s, id: `${s.id}-q${q}`, name: `${s.name} Q${q}`, scope: { kind: 'queue', queue: `Q${q}` } });
  }
  return { version: 1, standards };
}

function timeEvaluations(engine: ReturnType<typeof busyFloor>['engine'], clock: ReturnType<typeof busyFloor>['clock']) {
  for (let i = 0; i < 5; i++) engine.handlers['standards/evaluate']({}); // warm up
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i < 200; i++) {
    clock.advance(1000);
    const t = performance.now();
    cells = engine.handlers['standards/evaluate']({}).results.length;
    times.push(performance.now() - t);
  }
  return { times, cells };
}

export function benchStandards(report: Report): void {
  const { engine, db, clock } = busyFloor();
  const defaults = timeEvaluations(engine, clock);
  report(`standards: the ${engine.handlers["standards/get"]({}).set.standards.length} defaults, ${defaults.cells} cells, 100k contacts: p50 (ms)`, fmt(percentile(defaults.times, 50), 2));
  const set = standardsSetSchema.parse(twentyStandards());
  engine.handlers['standards/save']({ set });
  const { times, cells } = timeEvaluations(engine, clock);
  report(`standards: ${set.standards.length} standards, ${cells} cells, 100 queues, 100k contacts: p50 (ms)`, fmt(percentile(times, 50), 2));
  report('standards: evaluation p95 of 200 (ms, target < 20)', fmt(percentile(times, 95), 2));
  report('standards: evaluation p99 and max (ms)', `${fmt(percentile(times, 99), 2)}, ${fmt(Math.max(...times), 2)}`);
  const perQueue = standardsSetSchema.parse(twentyStandardsPerQueue(100));
  engine.handlers['standards/save']({ set: perQueue });
  const q = timeEvaluations(engine, clock);
  report(`standards: the 20 on each queue, ${q.cells} cells: p50 (ms)`, fmt(percentile(q.times, 50), 2));
  report('standards: the 20 on each queue, p95 (ms)', fmt(percentile(q.times, 95), 2));
  engine.stop();
  db.close();
}

/** What-if over a week of 1,000,000 contacts: a center abandon-rate standard as drafted and as it is, over today
 * and the 7 days before (four evaluations over the contacts held in memory). */
export function benchWhatIf(report: Report): void {
  const dayStart = Date.parse('2026-03-09T00:00:00Z');
  const now = dayStart + 12 * 3600_000;
  const channels = ['voice', 'chat', 'email', 'message'] as const;
  const contacts: Contact[] = [];
  const from = dayStart - 7 * 86_400_000;
  for (let i = 0; i < 1_000_000; i++) {
    const queuedAt = from + Math.floor((i / 1_000_000) * (now - from));
    const channel = channels[i % 4];
    const answered = i % 10 !== 0;
    contacts.push({
      id: `c${i}`, channel, queue: `Q${i % 100}`, agentId: answered ? `a${i % 2000}` : null, queuedAt,
      answeredAt: answered ? queuedAt + (i % 90) * 1000 : null, firstResponseAt: channel === 'voice' ? null : queuedAt + (i % 120) * 1000,
      abandonedAt: answered ? null : queuedAt + 30_000, endedAt: queuedAt + 300_000, wrapupEndAt: answered ? queuedAt + 330_000 : null,
    });
  }
  const set = defaultStandards('UTC');
  const facts: FloorFacts = { now, dayStart, weekStart: dayStart - 6 * 86_400_000, timeZone: 'UTC', intervalMinutes: 15, contacts, queues: [], waitingNow: [], agents: [] };
  const current = set.standards.find((x) => x.id === 'abandon-rate')!;
  const proposed = { ...current, tiers: { expected: 0.12, desired: 0.1, delight: 0.05 } };
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    whatIf(set, 1, proposed, facts, (days) => dayStart - days * 86_400_000); // UTC: days of 24 hours
    times.push(performance.now() - t);
  }
  report('what-if: a week of 1,000,000 contacts, today + 7 days, as it is and drafted (ms, target < 2,000)', fmt(percentile(times, 50), 0));
}
