/** The center's settings row (migration 012): read by every process on the database, written by `center set`. */
import { NO_CENTER, type WeekStart } from '../center/center-settings';
import type { Db } from './database';
import type { StoreReader, StoreWriter } from './store';

interface Row {
  name: string | null;
  timeZone: string | null;
  resetHour: number | null;
  weekStart: string | null;
}

export function centerReads(db: Db): Pick<StoreReader, 'centerSettings'> {
  const get = db.prepare<[], Row>('SELECT name, time_zone AS timeZone, reset_hour AS resetHour, week_start AS weekStart FROM center WHERE id = 1');
  return {
    centerSettings: () => {
      const r = get.get();
      return r === undefined ? { ...NO_CENTER } : { ...r, weekStart: r.weekStart as WeekStart | null };
    },
  };
}

export function centerWrites(db: Db): Pick<StoreWriter, 'saveCenterSettings'> {
  const upsert = db.prepare(
    `INSERT INTO center (id, name, time_zone, reset_hour, week_start, updated_at) VALUES (1, @name, @timeZone, @resetHour, @weekStart, @at)
     ON CONFLICT (id) DO UPDATE SET name = coalesce(@name, name), time_zone = coalesce(@timeZone, time_zone),
       reset_hour = coalesce(@resetHour, reset_hour), week_start = coalesce(@weekStart, week_start), updated_at = @at`,
  );
  return { saveCenterSettings: (c, at) => void upsert.run({ ...NO_CENTER, ...c, at }) };
}
