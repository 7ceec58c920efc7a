/**
 * The built-in mapping for the "Anonymous Bank" call-center data (Technion SEE lab, 1999; ../shared/data):
 * one voice center, queue = the service `type`, local times in Asia/Jerusalem.
 *
 * - outcome AGENT: answered at `ser_start` after waiting `q_time` s (0 when it never queued), so it entered
 *   the queue at ser_start - q_time; it ended at ser_start + ser_time; agent = `server` (none if NO_SERVER).
 *   50 AGENT rows have no service record (ser_start 0:00:00, like q_start for "never queued"): they are
 *   answered when they left the queue (q_exit), or the voice menu (vru_exit) when they never queued.
 * - outcome HANG after queuing (`q_start` not 0:00:00): abandoned at q_start + q_time.
 * - outcome HANG without queuing: the caller left in the voice menu; not a queue contact (counted, not offered).
 * - outcome PHANTOM: "a call that left no trace": excluded (counted).
 * A contact is identified by `vru+line` and `call_id` (call_id alone repeats across lines).
 * Times are clock times of the day in `date` (YYMMDD); a later time reading more than 12 hours earlier than
 * the call's first one has crossed midnight.
 */
import { DateTime } from 'luxon';
import type { CsvMapping, RowResult } from './csv';

const ANONYMOUS_BANK_TIME_ZONE = 'Asia/Jerusalem';
const NEVER = '0:00:00';

function seconds(hms: string): number | null {
  const m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(hms);
  return m && Number(m[1]) < 24 ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/** A whole number of seconds as the file writes it (digits only: Number('') would read an empty field as 0). */
function wholeSeconds(v: string | undefined): number {
  return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
}

export function anonymousBankMapping(timeZone = ANONYMOUS_BANK_TIME_ZONE): CsvMapping {
  const hourStarts = new Map<string, number>();
  /** Epoch ms of a local date (YYMMDD) plus seconds of the day, DST-correct (luxon, cached per hour). */
  function instant(date: string, secondsOfDay: number): number | null {
    const dayShift = Math.floor(secondsOfDay / 86400);
    const s = secondsOfDay - dayShift * 86400;
    const hour = Math.floor(s / 3600);
    const key = `${date}+${dayShift}T${hour}`;
    let base = hourStarts.get(key);
    if (base === undefined) {
      const yy = Number(date.slice(0, 2));
      const t = DateTime.fromObject(
        { year: yy < 70 ? 2000 + yy : 1900 + yy, month: Number(date.slice(2, 4)), day: Number(date.slice(4, 6)), hour },
        { zone: timeZone },
      ).plus({ days: dayShift });
      if (!t.isValid) return null;
      base = t.toMillis();
      hourStarts.set(key, base);
    }
    return base + (s - hour * 3600) * 1000;
  }

  return {
    name: 'anonymous-bank',
    delimiter: '\t',
    mapRow(r): RowResult {
      const line = r['vru+line'];
      const callId = r['call_id'];
      const outcome = r['outcome'];
      const date = r['date'];
      if (!line || !callId) return { error: 'vru+line or call_id is empty' };
      if (!/^\d{6}$/.test(date ?? '')) return { error: `date "${date}" is not YYMMDD` };
      if (outcome === 'PHANTOM') return { skip: 'PHANTOM: a call that left no trace' };
      const queue = r['type'];
      if (!queue) return { error: 'type (the queue) is empty' };
      const vruEntry = seconds(r['vru_entry'] ?? '');
      const qStart = seconds(r['q_start'] ?? '');
      const qTime = wholeSeconds(r['q_time']);
      if (vruEntry === null || qStart === null || !Number.isInteger(qTime) || qTime < 0) {
        return { error: `bad times: vru_entry "${r['vru_entry']}", q_start "${r['q_start']}", q_time "${r['q_time']}"` };
      }
      // a time that reads more than 12 h earlier than the call's first one has crossed midnight (a few seconds
      // earlier is clock skew between the systems that logged it: 2 rows have a negative vru_time)
      const onCallDay = (s: number) => (s < vruEntry - 12 * 3600 ? s + 86400 : s);
      const id = `${line}-${callId}`;
      if (outcome === 'HANG') {
        if (r['q_start'] === NEVER) return { skip: 'HANG in the voice menu: never queued' };
        const queuedAt = instant(date, onCallDay(qStart));
        if (queuedAt === null) return { error: `date "${date}" is not a valid date` };
        const abandonedAt = queuedAt + qTime * 1000;
        return { contact: { id, queue, channel: 'voice', queuedAt, answeredAt: null, abandonedAt, endedAt: abandonedAt, agent: null } };
      }
      if (outcome === 'AGENT') {
        const recorded = r['ser_start'] !== NEVER;
        const serStart = seconds(recorded ? (r['ser_start'] ?? '') : r['q_start'] !== NEVER ? (r['q_exit'] ?? '') : (r['vru_exit'] ?? ''));
        const serTime = wholeSeconds(r['ser_time']);
        if (serStart === null || !Number.isInteger(serTime) || serTime < 0) return { error: `bad service times: ser_start "${r['ser_start']}", ser_time "${r['ser_time']}"` };
        const answeredAt = instant(date, onCallDay(serStart));
        if (answeredAt === null) return { error: `date "${date}" is not a valid date` };
        const server = r['server'];
        return {
          contact: {
            id,
            queue,
            channel: 'voice',
            queuedAt: answeredAt - qTime * 1000,
            answeredAt,
            abandonedAt: null,
            endedAt: answeredAt + serTime * 1000,
            agent: server && server !== 'NO_SERVER' ? server : null,
          },
        };
      }
      return { error: `unknown outcome "${outcome}"` };
    },
  };
}
