/**
 * The built-in simulated floor across a restart: a faster-than-real run stopped and started again on the same
 * database carries on where it was, instead of rewinding to the wall clock behind the day it stored.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { openFloorboard, type Floorboard } from '../../src/core/floorboard';
import { tempDbPath } from '../helpers/engine';

const MORNING = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const open: Floorboard[] = [];

/** Contacts stored in the database at `path`, read on a connection of the test's own. */
function contactCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n;
  } finally {
    db.close();
  }
}
afterEach(() => {
  for (const fb of open.splice(0)) fb.close();
});

function start(dbPath: string, wall: ReturnType<typeof manualClock>, speed: number): Floorboard {
  const fb = openFloorboard({ dbPath, runtime: 'node', version: 'test', center: { timeZone: 'UTC' }, simulate: { seed: 5, speed }, wall, tickMs: 3600_000 });
  open.push(fb);
  return fb;
}


describe('the simulated floor restarted on its database', () => {
  it('resumes its clock after the day it stored, and new events come in at once', () => {
    const path = tempDbPath();
    const wall = manualClock(MORNING);
    const first = start(path, wall, 60);
    wall.advance(2 * MIN); // two wall minutes at x60: the center's clock at 11:00 (the feed steps every 200 ms on the way)
    const reached = first.engine.clock.now();
    expect(reached).toBe(MORNING + 120 * MIN);
    const stored = first.engine.snapshot().channels.reduce((n, c) => n + c.offered, 0);
    first.close();

    // started again one wall minute later: the wall says 09:03, the stored day runs to 11:00
    wall.advance(MIN);
    const again = start(path, wall, 60);
    // just after the last event stored, not at the wall's 09:03
    expect(Math.abs(again.engine.clock.now() - reached)).toBeLessThan(MIN);
    // the floor shows the stored day, and the next step brings contacts after it (not duplicates of it)
    expect(again.engine.snapshot().channels.reduce((n, c) => n + c.offered, 0)).toBe(stored);
    wall.advance(MIN);
    const snap = again.engine.snapshot();
    expect(snap.lastEventAt).not.toBeNull();
    expect(snap.channels.reduce((n, c) => n + c.offered, 0)).toBeGreaterThan(stored);
  });

  it("does not take another seed's day for its own", () => {
    const path = tempDbPath();
    const wall = manualClock(MORNING);
    const seed = (n: number, speed: number) => {
      const fb = openFloorboard({ dbPath: path, runtime: 'node', version: 'test', center: { timeZone: 'UTC' }, simulate: { seed: n, speed }, wall, tickMs: 3600_000 });
      open.push(fb);
      return fb;
    };
    seed(6, 1).close(); // seed 6's morning, to 09:00
    open.pop();
    const five = seed(5, 60);
    wall.advance(2 * MIN); // seed 5 runs ahead, to 11:00
    five.close();
    open.pop();
    wall.advance(MIN);
    expect(seed(6, 1).engine.clock.now()).toBe(MORNING + 3 * MIN); // the wall's 09:03: its own day ends at 09:00
  });

  it('resumed past midnight, carries on the stream it stored instead of starting the next day again', () => {
    const path = tempDbPath();
    const wall = manualClock(Date.parse('2026-03-02T23:00:00Z'));
    const first = start(path, wall, 60);
    wall.advance(2 * MIN); // to 01:00 the next day
    const stored = contactCount(path);
    first.close();
    open.pop();
    const again = start(path, wall, 60); // its first step reads the stream to 01:00 again: all duplicates
    expect(again.engine.clock.now()).toBeGreaterThan(Date.parse('2026-03-03T00:59:00Z'));
    expect(contactCount(path)).toBe(stored);
  });

  it('at real speed on a fresh database, keeps the wall clock', () => {
    const wall = manualClock(MORNING);
    const fb = start(tempDbPath(), wall, 1);
    expect(fb.engine.clock.now()).toBe(MORNING);
    wall.advance(5 * MIN);
    expect(fb.engine.clock.now()).toBe(MORNING + 5 * MIN);
  });
});
