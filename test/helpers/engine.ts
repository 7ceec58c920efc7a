import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../../src/core/clock';
import { createEngine, type EngineOptions } from '../../src/core/engine';
import type { CenterConfig } from '../../src/core/time/center-day';
import { openDatabase } from '../../src/core/store/database';

export function tempDbPath(name = 'floorboard.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'floorboard-test-')), name);
}

export function testEngine(start: number, center: Partial<CenterConfig> = {}, dbPath = ':memory:', options: Partial<EngineOptions> = {}) {
  const clock = manualClock(start);
  const db = openDatabase({ path: dbPath });
  const engine = createEngine({
    db,
    clock,
    wall: clock,
    center: { name: 'Test center', timeZone: 'UTC', resetHour: 0, ...center },
    dbPath,
    version: 'test',
    runtime: 'node',
    ...options,
  });
  return { engine, clock, db, close: () => (engine.stop(), db.close()) };
}
