/**
 * The standards in force, with their history: every save is a new version of the whole set, in force from the
 * instant it was saved. A center without any gets the defaults (in force since ever, so history reports have
 * standards too).
 */
import type { StandardsVersion } from '../../shared/standards';
import type { StoredStandardsVersion, StoreWriter } from '../store/store';
import { defaultStandards } from './defaults';
import { checkStandards } from './standards-file';
import type { StandardsSet } from './standard';

export interface StandardsService {
  /** The version in force at an instant. */
  at(ts: number): StandardsVersion;
  save(set: StandardsSet, note: string | null): StandardsVersion;
  history(limit: number): StandardsVersion[];
}

export function createStandardsService(store: StoreWriter, o: { now: () => number; timeZone: string }): StandardsService {
  // versions never change once saved: each is read and checked once (the tick asks for the one in force every 5 s)
  const read = new Map<number, StandardsVersion>();
  const toVersion = (r: StoredStandardsVersion): StandardsVersion => {
    let v = read.get(r.id);
    if (v) return v;
    // stored sets were validated when saved; a set written by a later version is checked again, not trusted
    const parsed = checkStandards(JSON.parse(r.body));
    if (!parsed.ok) throw new Error(`standards version ${r.id} cannot be read: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
    v = { version: r.id, validFrom: new Date(r.validFrom).toISOString(), savedAt: new Date(r.savedAt).toISOString(), note: r.note, set: parsed.set };
    read.set(r.id, v);
    return v;
  };
  if (store.standardsIdAt(Number.MAX_SAFE_INTEGER) === null) {
    store.saveStandards(JSON.stringify(defaultStandards(o.timeZone)), 0, 'the defaults of a new center', o.now());
  }
  return {
    at(ts) {
      // the id first: a set of 2,000 standards is 600 KB of JSON, read from SQLite only the first time
      const id = store.standardsIdAt(ts)!;
      return read.get(id) ?? toVersion(store.standardsVersion(id)!);
    },
    save(set, note) {
      const now = o.now();
      const id = store.saveStandards(JSON.stringify(set), now, note, now);
      const v = { version: id, validFrom: new Date(now).toISOString(), savedAt: new Date(now).toISOString(), note, set };
      read.set(id, v);
      return v;
    },
    history(limit) {
      return store.standardsHistory(limit).map(toVersion);
    },
  };
}
