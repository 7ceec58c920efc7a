import { manualClock } from '../src/core/clock';
import { createEngine } from '../src/core/engine';
import { openDatabase } from '../src/core/store/database';

/** The floor's day starts here (UTC) and its clock reads BUSY_FLOOR_NOW: noon, twelve hours of contacts in. */
const BUSY_FLOOR_START = Date.parse('2026-03-02T00:00:00Z');
export const BUSY_FLOOR_NOW = BUSY_FLOOR_START + 12 * 3600_000;

/** The tick benchmarks' floor: 100 queues over four channels, 2,000 agents, 100,000 contacts this morning. */
export function busyFloor() {
  const db = openDatabase({ path: ':memory:' });
  const clock = manualClock(BUSY_FLOOR_NOW);
  const engine = createEngine({ db, clock, center: { name: 'bench', timeZone: 'UTC', resetHour: 0 }, dbPath: ':memory:', version: 'bench', runtime: 'node' });
  const lines = busyFloorLines();
  for (let i = 0; i < lines.length; i += 50_000) engine.handlers['ingest/lines']({ source: 'tick', lines: lines.slice(i, i + 50_000), startPosition: i + 1 });
  lines.length = 0;
  collectGarbage();
  return { engine, db, clock };
}

/** The floor's NDJSON lines (about 230,000), for an engine in this process or a host fed over HTTP (bench/boards.ts). */
export function busyFloorLines(): string[] {
  const start = BUSY_FLOOR_START;
  const channels = ['voice', 'chat', 'email', 'message'] as const;
  const lines: string[] = [];
  for (let q = 0; q < 100; q++) lines.push(JSON.stringify({ v: 1, type: 'queue.config', ts: start, queue: `Q${q}`, channel: channels[q % 4] }));
  for (let a = 0; a < 2000; a++) {
    lines.push(JSON.stringify({ v: 1, type: 'agent.state', ts: start + a * 1000, agentId: `agent-${a}`, name: `Agent ${a}`, state: a % 5 === 0 ? 'not-ready' : 'available', reason: a % 5 === 0 ? 'Break' : undefined, capacity: { [channels[a % 4]]: 1 } }));
  }
  // 100,000 contacts over the morning: answered ones end and wrap up, except the last 1,000 (held by agents
  // now); every tenth abandons; the last 2,000 are still waiting
  for (let c = 0; c < 100_000; c++) {
    const queued = start + Math.floor((c / 100_000) * 12 * 3600_000);
    const q = c % 100;
    lines.push(JSON.stringify({ v: 1, type: 'contact.queued', ts: queued, contactId: `c${c}`, queue: `Q${q}`, channel: channels[q % 4] }));
    if (c >= 98_000) continue;
    if (c % 10 === 0) {
      lines.push(JSON.stringify({ v: 1, type: 'contact.abandoned', ts: queued + 40_000, contactId: `c${c}` }));
      continue;
    }
    const answered = queued + (c % 60) * 1000;
    lines.push(JSON.stringify({ v: 1, type: 'contact.answered', ts: answered, contactId: `c${c}`, agentId: `agent-${c % 2000}` }));
    if (c < 97_000) {
      lines.push(JSON.stringify({ v: 1, type: 'contact.ended', ts: answered + 200_000, contactId: `c${c}` }));
      lines.push(JSON.stringify({ v: 1, type: 'contact.wrapup-ended', ts: answered + 230_000, contactId: `c${c}` }));
    }
  }
  return lines;
}

/**
 * A full collection now: the floor was built in a second from 230,000 lines, whose garbage (about 270 MB) a floor
 * filled over a morning would have shed long before. Left in the heap, its collection (a 50-80 ms pause) falls in
 * whichever measurement comes first.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the benchmarks need node --expose-gc: run them with npm run bench (or tsx --expose-gc bench/index.ts)');
  gc();
}

