/**
 * `standards/*`: the standards in force and their history, saving a new version, and reading them on the floor:
 * the evaluation, a what-if of a draft, the contacts behind one cell, staffing per interval.
 */
import type { Handlers } from '../../../shared/api';
import { WEEK_LOADING } from '../../../shared/standards';
import type { Clock } from '../../clock';
import { drillDown } from '../../standards/drill';
import { stillLoading, windowStart } from '../../standards/floor-facts';
import type { FloorFactsReader } from '../../standards/floor-facts-reader';
import { staffingByInterval } from '../../standards/staffing-intervals';
import type { StandardsRuntime } from '../../standards/standards-runtime';
import { whatIf } from '../../standards/what-if';
import type { RecentContacts } from '../../metrics/recent-contacts';
import type { CenterDay } from '../../time/center-day';
import { RefusedError } from '../refused';
import { apiInstant } from '../schemas';

export interface StandardsHandlerDeps {
  clock: Clock;
  standards: StandardsRuntime;
  facts: FloorFactsReader;
  day: CenterDay;
  /** The center's zone: a date-time without an offset is read in it. */
  timeZone: string;
  intervalMinutes: number;
  recent: RecentContacts;
  /** The floor changed: push a snapshot soon. */
  changed(): void;
}

export function standardsHandlers(d: StandardsHandlerDeps): Handlers<'standards'> {
  return {
    'standards/get': ({ at }) => d.standards.service.at(at === undefined ? d.clock.now() : apiInstant(at, d.timeZone)),
    'standards/save': ({ set, note, validFrom }) => {
      const now = d.clock.now();
      const from = validFrom === undefined ? now : apiInstant(validFrom, d.timeZone);
      // a version in force from the future would judge nothing yet and surprise whoever reads the floor meanwhile
      if (from > now) throw new RefusedError(`standards/save: validFrom ${validFrom} is in the future; a version is in force from now or a past instant`);
      const v = d.standards.save(set, note ?? null, from);
      d.changed();
      return v;
    },
    'standards/history': ({ limit }) => d.standards.service.history(limit ?? 50),
    'standards/evaluate': () => d.standards.evaluate(d.clock.now()),
    'standards/what-if': ({ standard }) => {
      const now = d.clock.now();
      const v = d.standards.service.at(now);
      const facts = d.facts.at(now);
      if (facts.heldFrom !== undefined && facts.heldFrom > d.day.daysBefore(7)) throw new RefusedError(`standards/what-if: ${WEEK_LOADING} since the host started; try again in a few seconds`);
      return whatIf(v.set, v.version, standard, facts, (days) => d.day.daysBefore(days));
    },
    'standards/drill': ({ standardId, key }) => {
      const now = d.clock.now();
      const v = d.standards.service.at(now);
      const facts = d.facts.at(now);
      const s = v.set.standards.find((x) => x.id === standardId);
      if (s && stillLoading(facts, windowStart(s, facts))) throw new RefusedError(`standards/drill: ${WEEK_LOADING} since the host started; try again in a few seconds`);
      const drill = drillDown(v.set, v.version, standardId, key, facts);
      if (!drill) throw new RefusedError(`no cell "${key}" for the standard "${standardId}"`);
      return drill;
    },
    'standards/staffing': () => {
      const now = d.clock.now();
      const { dayStart } = d.day;
      return staffingByInterval(d.standards.service.at(now).set, { now, dayStart, intervalMinutes: d.intervalMinutes, contacts: d.recent.values(), agentIntervals: d.facts.agentIntervalsSince(dayStart) });
    },
  };
}
