/**
 * The center's settings in the database (issue 15, point 0): every process on a database reads the same calendar;
 * a flag overrides a setting for one run without storing it; the first run stores what it used.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { centerProblems, defaultCenter, effectiveCenter, NO_CENTER } from '../../src/core/center/center-settings';
import { openFloorboard } from '../../src/core/floorboard';
import { openStoreReader } from '../../src/core/store/open-store-reader';
import { ROOT } from '../helpers/host';

const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'fb-center-')), 'floor.db');
const open = (dbPath: string, center = {}) => openFloorboard({ dbPath, runtime: 'node', version: 'test', center, tickMs: 60_000 });

describe('which setting a run uses', () => {
  const defaults = defaultCenter('Contact center', 'Europe/London');
  it('takes the flag, else the stored one, else the default, setting by setting', () => {
    expect(effectiveCenter(NO_CENTER, {}, defaults)).toEqual({ name: 'Contact center', timeZone: 'Europe/London', resetHour: 0, weekStart: 'monday' });
    const stored = { ...NO_CENTER, timeZone: 'Asia/Jerusalem', weekStart: 'sunday' as const };
    expect(effectiveCenter(stored, {}, defaults)).toMatchObject({ timeZone: 'Asia/Jerusalem', weekStart: 'sunday', resetHour: 0 });
    expect(effectiveCenter(stored, { timeZone: 'UTC', resetHour: 6 }, defaults)).toMatchObject({ timeZone: 'UTC', weekStart: 'sunday', resetHour: 6 });
  });
  it('refuses each bad setting with its reason', () => {
    expect(centerProblems({ timeZone: 'Mars/Olympus', resetHour: 24, weekStart: 'friday' as never, name: ' ' })).toEqual([
      'the center name must have 1 to 100 characters',
      'unknown time zone "Mars/Olympus" (use an IANA name such as Europe/London)',
      'the day reset hour must be a whole hour from 0 to 23 (got 24)',
      'the week starts on monday, sunday, saturday (got "friday")',
    ]);
  });
});

describe('settings kept in the database', () => {
  it('are stored by the first run, not by a later run\'s flag, and read back by every process', () => {
    const path = dbFile();
    const first = open(path, { timeZone: 'Asia/Jerusalem' });
    expect(first.center).toMatchObject({ timeZone: 'Asia/Jerusalem', weekStart: 'monday' });
    first.close();
    const flagged = open(path, { timeZone: 'UTC' });
    expect(flagged.center.timeZone).toBe('UTC');
    expect(flagged.engine.snapshot().center.timeZone).toBe('UTC');
    flagged.close();
    const reader = openStoreReader({ path });
    expect(reader.centerSettings()).toMatchObject({ timeZone: 'Asia/Jerusalem', resetHour: 0, weekStart: 'monday' });
    reader.close();
    const again = open(path);
    expect(again.center.timeZone).toBe('Asia/Jerusalem');
    again.close();
  });

  it('are changed by `center set` and shown by `center show`; a bad value is one clear line', () => {
    const path = dbFile();
    open(path, { timeZone: 'UTC' }).close();
    const set = JSON.parse(cli('center', 'set', '--db', path, '--time-zone', 'Asia/Jerusalem', '--week-start', 'sunday', '--name', 'Anonymous Bank'));
    expect(set).toEqual({ name: 'Anonymous Bank', timeZone: 'Asia/Jerusalem', resetHour: 0, weekStart: 'sunday' });
    expect(JSON.parse(cli('center', 'show', '--db', path))).toEqual(set);
    expect(() => cli('center', 'set', '--db', path, '--reset-hour', '25')).toThrow(/--reset-hour 25: the day reset hour must be a whole hour from 0 to 23/);
    expect(() => cli('center', 'show', '--db', join(tmpdir(), 'no-such-floor.db'))).toThrow(/no database at/);
    const fb = open(path);
    expect(fb.center).toEqual(set);
    fb.close();
  });

  it('give `metrics` the center\'s zone for a date-time without an offset', () => {
    const path = dbFile();
    open(path, { timeZone: 'Asia/Tokyo' }).close();
    const report = JSON.parse(cli('metrics', '--db', path, '--from', '2026-03-02T00:00:00', '--to', '2026-03-03T00:00:00', '--json'));
    expect(report.from).toBe('2026-03-01T15:00:00.000Z');
    const flagged = JSON.parse(cli('metrics', '--db', path, '--from', '2026-03-02T00:00:00', '--to', '2026-03-03T00:00:00', '--time-zone', 'UTC', '--json'));
    expect(flagged.from).toBe('2026-03-02T00:00:00.000Z');
  });
});

describe('center/get and center/set, as the Center screen calls them', () => {
  const call = async (fb: ReturnType<typeof open>, name: string, args: unknown, role: 'admin' | 'viewer' = 'admin') => fb.dispatch(name, args, role === 'admin' ? undefined : { role: 'viewer', token: 'wall', names: false });

  it('store a change for every process, say it applies at the next start, and keep the calendar in use', async () => {
    const path = dbFile();
    const fb = open(path, { timeZone: 'UTC', name: 'North' });
    const before = await call(fb, 'center/get', {});
    expect(before).toMatchObject({ ok: true, value: { inUse: { name: 'North', timeZone: 'UTC' }, pending: [] } });
    const r = await call(fb, 'center/set', { timeZone: 'Asia/Jerusalem', weekStart: 'sunday' });
    expect(r).toMatchObject({ ok: true, value: { inUse: { timeZone: 'UTC', weekStart: 'monday' }, stored: { timeZone: 'Asia/Jerusalem', weekStart: 'sunday', name: 'North' }, pending: ['weekStart'] } });
    // the zone is this run's flag: storing another changes the next run only if it starts without the flag
    // the running floor keeps its day until it starts again
    expect(fb.engine.snapshot().center.timeZone).toBe('UTC');
    fb.close();
    expect(JSON.parse(cli('center', 'show', '--db', path))).toMatchObject({ timeZone: 'Asia/Jerusalem', weekStart: 'sunday' });
    const again = open(path);
    expect(again.center).toMatchObject({ timeZone: 'Asia/Jerusalem', weekStart: 'sunday', name: 'North' });
    expect(await call(again, 'center/get', {})).toMatchObject({ ok: true, value: { pending: [], overridden: [] } });
    again.close();
  });

  it('name a setting a flag holds for this run, and a change it hides is not pending', async () => {
    const path = dbFile();
    open(path, { timeZone: 'UTC' }).close();
    const fb = open(path, { timeZone: 'Asia/Tokyo' });
    const r = await call(fb, 'center/set', { timeZone: 'Europe/London' });
    expect(r).toMatchObject({ ok: true, value: { overridden: ['timeZone'], inUse: { timeZone: 'Asia/Tokyo' }, stored: { timeZone: 'Europe/London' }, pending: [] } });
    fb.close();
  });

  it('refuse each bad setting at its field and store none of that call', async () => {
    const path = dbFile();
    const fb = open(path, { timeZone: 'UTC' });
    const r = await call(fb, 'center/set', { timeZone: 'Mars/Olympus', resetHour: 24, name: 'Fine' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-args');
    expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['resetHour', 'timeZone']);
    expect(r.error.issues?.find((i) => i.path === 'timeZone')?.message).toMatch(/unknown time zone "Mars\/Olympus"/);
    expect(await call(fb, 'center/set', {})).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call(fb, 'center/set', { weekStart: 'friday' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect((await call(fb, 'center/get', {})) as { value: { stored: { name: string } } }).toMatchObject({ value: { stored: { name: 'Contact center', timeZone: 'UTC' } } });
    fb.close();
  });

  it('are for an admin: a viewer token is refused both', async () => {
    const fb = open(dbFile(), { timeZone: 'UTC' });
    expect(await call(fb, 'center/get', {}, 'viewer')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(fb, 'center/set', { name: 'Mine' }, 'viewer')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    fb.close();
  });
});
