/**
 * CSV history with a saved column mapping: quoted fields (delimiters and quotes inside), a BOM, CRLF, channel
 * values, local times in the mapping's zone, and rows that cannot be mapped, through the engine.
 */
import { describe, expect, it } from 'vitest';
import { columnMapping, createCsvAdapter, parseColumnMapping } from '../../src/core/ingest/csv';
import { testEngine } from '../helpers/engine';

const mapping = {
  version: 1,
  name: 'helpdesk-export',
  timeZone: 'Europe/Paris',
  timeFormat: 'local',
  columns: { id: 'Ticket', queue: 'Team', channel: 'Medium', queuedAt: 'Created', answeredAt: 'Picked up', abandonedAt: 'Gave up', endedAt: 'Closed', agent: 'Agent' },
  channelValues: { Phone: 'voice', 'Web chat': 'chat', SMS: 'message' },
};

// Paris is UTC+1 on 2 March 2026: 10:00 local = 09:00Z.
const FILE = [
  '\uFEFFTicket,Team,Medium,Created,Picked up,Gave up,Closed,Agent',
  'T1,"Billing, EU",Phone,2026-03-02 10:00:00,2026-03-02 10:00:15,,2026-03-02 10:05:00,"Dana ""DK"" Kim"',
  'T2,"Billing, EU",Phone,2026-03-02 10:01:00,,2026-03-02 10:01:40,2026-03-02 10:01:40,',
  'T3,Sales,Web chat,2026-03-02 10:02:00,2026-03-02 10:03:30,,2026-03-02 10:20:00,Ann\r',
  'T4,Sales,SMS,2026-03-02 10:03:00,2026-03-02 10:30:00,,,Ann',
  'T5,Sales,Fax,2026-03-02 10:04:00,,,,', // an unmapped channel
  'T6,Sales,Phone,2026-03-02 25:00:00,,,,', // not a time
  'T7,Sales,Phone', // too few fields
  '"T8,Sales,Phone,2026-03-02 10:05:00,,,,', // an unclosed quote
  '',
];

describe('CSV history with a saved column mapping', () => {
  it('maps quoted fields, channel values and local times, and quarantines what it cannot map', () => {
    const parsed = parseColumnMapping(mapping);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const t = testEngine(Date.parse('2026-03-02T12:00:00Z'));
    const adapter = createCsvAdapter(columnMapping(parsed.mapping));
    const r = t.engine.ingestWith(adapter, 'export.csv', FILE.map((text, i) => ({ position: i + 1, text })));
    expect(r.accepted).toBe(5); // the header and T1-T4
    expect(r.quarantined).toBe(4);
    expect(r.errors).toEqual([
      { position: 6, reason: 'channel "Fax" is not mapped (add it to channelValues)' },
      { position: 7, reason: 'column "Created" (queuedAt): "2026-03-02 25:00:00" is not a local time' },
      { position: 8, reason: '3 fields where the header has 8' },
      { position: 9, reason: expect.stringMatching(/^not a CSV row: /) },
    ]);
    expect(t.engine.store.contact('T1')).toMatchObject({ queue: 'Billing, EU', channel: 'voice', agentId: 'Dana "DK" Kim', queuedAt: Date.parse('2026-03-02T09:00:00Z'), answeredAt: Date.parse('2026-03-02T09:00:15Z') });
    const rows = t.engine.handlers['metrics/window']({ from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z', by: 'channel' }).rows;
    // voice: T1 answered in 15 s, T2 abandoned after 40 s; chat: T3 answered in 90 s; message: T4 answered in 27 min
    expect(rows.map((m) => [m.key, m.offered, m.answered, m.abandoned, m.asaSeconds])).toEqual([
      ['chat', 1, 1, 0, 90],
      ['message', 1, 1, 0, 1620],
      ['voice', 2, 1, 1, 15],
    ]);
    // the same file again: nothing new
    expect(t.engine.ingestWith(createCsvAdapter(columnMapping(parsed.mapping)), 'export.csv', FILE.map((text, i) => ({ position: i + 1, text })))).toMatchObject({ accepted: 0, quarantined: 0, duplicates: 9 });
    t.close();
  });

  it('refuses a mapping with an unknown time zone or a missing column, naming the field', () => {
    expect(parseColumnMapping({ ...mapping, timeZone: 'Mars/Olympus' })).toEqual({ ok: false, reason: expect.stringMatching(/timeZone.*unknown time zone/) });
    expect(parseColumnMapping({ ...mapping, columns: { id: 'Ticket', queue: 'Team' } })).toEqual({ ok: false, reason: expect.stringMatching(/queuedAt/) });
  });
});
