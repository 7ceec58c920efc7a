/**
 * Waits from Asterisk's own fields (issue 15, point 7): a contact's wait is CONNECT's holdtime, or the waittime of
 * ABANDON, EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY and WITHDRAW, as Asterisk's reporting tools read them; the line
 * timestamps only where the field is missing. The contact's queue entry stays its ENTERQUEUE time. Checked on lines
 * whose timestamps disagree with their fields, by hand, through the in-memory and the SQL paths alike.
 */
import { describe, expect, it } from 'vitest';
import { createQueueLogAdapter } from '../../src/core/ingest/queue-log';
import { storedMetrics } from '../../src/core/metrics/window-metrics';
import { numberLines } from '../../src/core/ingest/source-lines';
import { testEngine } from '../helpers/engine';

/** 2024-03-02T09:00:00Z. */
const T0 = 1709370000_000;
const at = (s: number) => (T0 / 1000 + s).toString();
const LOG = [
  // c1: entered at 0, connected at 30 by the log, but Asterisk says it waited 12 s (holdtime): within T = 20
  `${at(0)}|c1|Sales|NONE|ENTERQUEUE||5551000|1`,
  `${at(30)}|c1|Sales|SIP/101|CONNECT|12|c1-bridge|2`,
  `${at(90)}|c1|Sales|SIP/101|COMPLETECALLER|12|60|1`,
  // c2: entered at 100, abandoned at 145 by the log, waittime 3 s: a short abandon (< 5 s)
  `${at(100)}|c2|Sales|NONE|ENTERQUEUE||5551001|1`,
  `${at(145)}|c2|Sales|NONE|ABANDON|1|1|3`,
  // c3: entered at 200, timed out at 230, waittime 40 s
  `${at(200)}|c3|Sales|NONE|ENTERQUEUE||5551002|1`,
  `${at(230)}|c3|Sales|NONE|EXITWITHTIMEOUT|1|1|40`,
  // c4: entered at 300, left with a key at 325 in the older form (key|position, no waittime): the timestamps, 25 s
  `${at(300)}|c4|Sales|NONE|ENTERQUEUE||5551003|1`,
  `${at(325)}|c4|Sales|NONE|EXITWITHKEY|5|1`,
  // c5: entered at 400, connected at 401 by the log, holdtime 50 s: answered, but not within T
  `${at(400)}|c5|Sales|NONE|ENTERQUEUE||5551004|1`,
  `${at(401)}|c5|Sales|SIP/102|CONNECT|50|c5-bridge|1`,
].join('\n');

describe('queue_log waits from the fields', () => {
  it('counts holdtime and waittime as the waits, and the timestamps where the field is missing', () => {
    const t = testEngine(T0 + 3600_000, { timeZone: 'UTC' });
    t.engine.ingestWith(createQueueLogAdapter(t.engine.adapterContext), 'pbx', numberLines(LOG));
    const window = { from: new Date(T0).toISOString(), to: new Date(T0 + 3600_000).toISOString(), by: 'queue' as const };
    const [row] = t.engine.handlers['metrics/window'](window).rows;
    expect(row).toMatchObject({ key: 'Sales', offered: 5, answered: 2, abandoned: 2, shortAbandoned: 1, leftOtherwise: 1 });
    // ASA: (12 + 50) / 2, not (30 + 1) / 2
    expect(row.asaSeconds).toBe(31);
    // SL: c1 within 20 s of the two answered; abandons: c3 (40 s) counts, c2 (3 s) is short
    expect(row.answeredWithinThreshold).toBe(1);
    expect(row.serviceLevel).toBe(1 / 3);
    // longest wait: c5's 50 s (its line timestamps say 1 s), not c2's 45 by the timestamps
    expect(row.longestWaitSeconds).toBe(50);
    // the SQL path (weeks of history) reads the same waits
    const [sql] = storedMetrics(t.engine.store, { from: T0, to: T0 + 3600_000, by: 'queue', shortAbandonSeconds: 5 });
    expect(sql).toEqual(row);
    // each contact keeps its ENTERQUEUE time as its queue entry
    expect(t.engine.store.contact('c1@Sales')).toMatchObject({ queuedAt: T0, answeredAt: T0 + 30_000, answeredWaitMs: 12_000 });
    expect(t.engine.store.contact('c4@Sales')).toMatchObject({ queuedAt: T0 + 300_000, exitWaitMs: null });
    t.close();
  });
});
