/**
 * A host that serves the live floor first (fillWeekAfterStart): today's contacts are read while it starts, the
 * days before after start(), a slice at a time. Until they are in, the week's standards have no figure ("loading
 * the last 7 days"), the what-if and the week's drill-downs say so, and history windows read the store; once in,
 * every result equals that of an engine that read the whole week while starting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WEEK_LOADING } from '../../src/shared/standards';
import { DEFAULT_STANDARDS } from '../../src/core/standards/defaults';
import { tempDbPath, testEngine } from '../helpers/engine';
import { at, ev, lines } from '../helpers/events';

const DAY = 86_400;
let close: (() => void)[] = [];
afterEach(() => {
  close.forEach((f) => f());
  close = [];
});

/** Contacts on the last six days and today, each answered, ended and surveyed; the engine that wrote them closed. */
function weekOnDisk(): string {
  const path = tempDbPath();
  const t = testEngine(at(0), {}, path);
  const events = [ev.queue('Billing', 'voice', 20), ev.queue('Web', 'chat', 60)];
  for (let d = -6; d <= 0; d++)
    for (let k = 0; k < 5 + d + 6; k++) {
      const id = `c${d}-${k}`;
      const s = d * DAY + k * 600;
      events.push(ev.queued(s, id, k % 2 ? 'Web' : 'Billing', k % 2 ? 'chat' : 'voice'), ev.answered(s + 5 + k * 7, id), ev.ended(s + 200, id));
      events.push({ v: 1, type: 'contact.surveyed', ts: at(s + 300), contactId: id, csat: 1 + (k % 5) });
    }
  // a queue no feed configures, seen three days ago only: its tile comes from its contacts
  events.push(ev.queued(-3 * DAY, 'legacy-1', 'Legacy', 'voice'), ev.answered(-3 * DAY + 9, 'legacy-1'), ev.ended(-3 * DAY + 99, 'legacy-1'));
  t.engine.ingestNdjson('history', lines(events));
  t.close();
  return path;
}

function open(path: string, fillWeekAfterStart: boolean) {
  const t = testEngine(at(3 * 3600), {}, path, { fillWeekAfterStart });
  close.push(t.close);
  return t;
}

const call = (t: ReturnType<typeof open>, name: string, args: unknown) => (t.engine.handlers as unknown as Record<string, (a: unknown) => unknown>)[name](args);

describe('the week filled after start-up', () => {
  it('serves today at once, the week as loading, and then the same figures as an engine that read it all', () => {
    const path = weekOnDisk();
    const whole = open(path, false).engine.snapshot().standards!;
    expect(whole.loadingFrom).toBeUndefined();
    const weekIds = new Set(DEFAULT_STANDARDS.standards.filter((s) => s.window === 'week').map((s) => s.id));
    expect(weekIds.size).toBeGreaterThan(0);

    const t = open(path, true);
    const early = t.engine.snapshot().standards!;
    expect(early.loadingFrom).toBe(at(-9 * 3600)); // today's start, midnight UTC
    for (const r of early.results) {
      if (weekIds.has(r.standardId)) expect(r).toMatchObject({ figure: null, status: 'no-data', basis: WEEK_LOADING, volume: 0 });
      else expect(r).toEqual(whole.results.find((w) => w.standardId === r.standardId && w.key === r.key));
    }
    // the what-if and a week's cell refuse, saying why; history windows read the store meanwhile
    expect(() => call(t, 'standards/what-if', { standard: DEFAULT_STANDARDS.standards[0] })).toThrow(WEEK_LOADING);
    const week = DEFAULT_STANDARDS.standards.find((s) => weekIds.has(s.id))!;
    expect(() => call(t, 'standards/drill', { standardId: week.id, key: 'center' })).toThrow(WEEK_LOADING);
    const range = { from: new Date(at(-6 * DAY)).toISOString(), to: new Date(at(3 * 3600)).toISOString() };
    expect(call(t, 'metrics/window', range)).toEqual(call(open(path, false), 'metrics/window', range));

    const queues = (x: ReturnType<typeof open>) => x.engine.snapshot().queues.map((q) => `${q.name} ${q.channel}`).sort();
    expect(queues(t)).toEqual(['Billing voice', 'Web chat']); // Legacy waits for the week
    t.engine.start();
    t.clock.advance(0);
    // the first snapshot after start() is served before any slice is read; the slices follow, one a turn
    expect(t.engine.snapshot().standards!.loadingFrom).toBe(at(-9 * 3600));
    t.clock.advance(0);
    expect(queues(t)).toEqual(['Billing voice', 'Legacy voice', 'Web chat']);
    expect(queues(t)).toEqual(queues(open(path, false)));
    const filled = t.engine.snapshot().standards!;
    expect(filled.loadingFrom).toBeUndefined();
    expect(filled.results).toEqual(whole.results);
    expect(filled.results.some((r) => weekIds.has(r.standardId) && r.figure !== null)).toBe(true);
  });

  it('reads the week a second after start() when no snapshot is asked for', () => {
    const t = open(weekOnDisk(), true);
    t.engine.start();
    t.clock.advance(999);
    expect(t.engine.snapshot().standards!.loadingFrom).toBe(at(-9 * 3600)); // not read yet
    const u = open(weekOnDisk(), true);
    u.engine.start();
    u.clock.advance(1000);
    expect(u.engine.snapshot().standards!.loadingFrom).toBeUndefined();
  });
});
