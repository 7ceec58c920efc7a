/**
 * The standards in force, with their history: every save is a new version of the whole set, in force from the
 * instant it was saved. A center without any gets the defaults (in force since ever, so history reports have
 * standards too).
 */
import type { StandardsVersion } from '../../shared/standards';
import type { StoredStandardsVersion, StoreReader, StoreWriter } from '../store/store';
import { defaultStandards } from './defaults';
import { checkStandards } from './standards-file';
import type { StandardsSet } from './standard';

const DEFAULTS_NOTE = 'the defaults of a new center';

export interface StandardsService {
  /** The version in force at an instant. */
  at(ts: number): StandardsVersion;
  /** A new version in force from `validFrom` (default now) until the next later one. */
  save(set: StandardsSet, note: string | null, validFrom?: number): StandardsVersion;
  history(limit: number): StandardsVersion[];
}

/** A stored version, checked: stored sets were validated when saved; one written by a later version is not trusted. */
function storedVersion(r: StoredStandardsVersion): StandardsVersion {
  const parsed = checkStandards(JSON.parse(r.body));
  if (!parsed.ok) throw new Error(`standards version ${r.id} cannot be read: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
  return { version: r.id, validFrom: new Date(r.validFrom).toISOString(), savedAt: new Date(r.savedAt).toISOString(), note: r.note, set: parsed.set };
}

/**
 * The version in force at `at`, read only (`standards export`): a database that stores none has the defaults,
 * as version 1 in force since ever, which is what the engine stores for it when it first runs.
 */
export function standardsInForce(store: Pick<StoreReader, 'standardsIdAt' | 'standardsVersion'>, at: number, timeZone: string): StandardsVersion {
  const id = store.standardsIdAt(at);
  const row = id === null ? null : store.standardsVersion(id);
  if (row) return storedVersion(row);
  return { version: 1, validFrom: new Date(0).toISOString(), savedAt: new Date(0).toISOString(), note: DEFAULTS_NOTE, set: defaultStandards(timeZone) };
}

export function createStandardsService(store: StoreWriter, o: { now: () => number; timeZone: string }): StandardsService {
  // versions never change once saved: each is read and checked once (the tick asks for the one in force every 5 s)
  const read = new Map<number, StandardsVersion>();
  const toVersion = (r: StoredStandardsVersion): StandardsVersion => {
    let v = read.get(r.id);
    if (v) return v;
    v = storedVersion(r);
    read.set(r.id, v);
    return v;
  };
  if (store.standardsIdAt(Number.MAX_SAFE_INTEGER) === null) {
    store.saveStandards(JSON.stringify(defaultStandards(o.timeZone)), 0, DEFAULTS_NOTE, o.now());
  }
  return {
    at(ts) {
      // the id first: a set of 2,000 standards is 600 KB of JSON, read from SQLite only the first time
      const id = store.standardsIdAt(ts)!;
      return read.get(id) ?? toVersion(store.standardsVersion(id)!);
    },
    save(set, note, validFrom) {
      const now = o.now();
      const from = validFrom ?? now;
      const id = store.saveStandards(JSON.stringify(set), from, note, now);
      const v = { version: id, validFrom: new Date(from).toISOString(), savedAt: new Date(now).toISOString(), note, set };
      read.set(id, v);
      return v;
    },
    history(limit) {
      return store.standardsHistory(limit).map(toVersion);
    },
  };
}
