/**
 * CSV history with a saved column mapping: quoted fields (delimiters and quotes inside), a BOM, CRLF, channel
 * values, local times in the mapping's zone, and rows that cannot be mapped, through the engine.
 */
import { describe, expect, it } from 'vitest';
import { columnMapping, createCsvAdapter, parseColumnMapping } from '../../src/core/ingest/csv';
import { MAX_LINE_LENGTH } from '../../src/core/ingest/source-lines';
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

  it('maps survey answers and resolutions, from a contact export and from a survey tool\'s export joined by contact id', () => {
    const withOutcomes = parseColumnMapping({
      ...mapping,
      columns: { ...mapping.columns, firstResponseAt: 'First reply', csat: 'CSAT', nps: 'NPS', resolvedAt: 'Solved', firstContactResolution: 'One touch' },
    });
    const surveys = parseColumnMapping({ version: 1, name: 'survey-tool', timeFormat: 'iso', kind: 'surveys', columns: { id: 'Contact', csat: 'Score', surveyedAt: 'Answered' } });
    expect(withOutcomes.ok && surveys.ok).toBe(true);
    if (!withOutcomes.ok || !surveys.ok) return;
    const t = testEngine(Date.parse('2026-03-02T12:00:00Z'));
    const exportFile = [
      'Ticket,Team,Medium,Created,Picked up,Gave up,Closed,Agent,First reply,CSAT,NPS,Solved,One touch',
      'T1,Billing,Phone,2026-03-02 10:00:00,2026-03-02 10:00:15,,2026-03-02 10:05:00,Dana,,5,9,2026-03-02 10:05:00,yes',
      'T2,Billing,Phone,2026-03-02 10:01:00,2026-03-02 10:01:20,,2026-03-02 10:06:00,Dana,,2,,2026-03-02 11:00:00,no',
      'T3,Sales,Web chat,2026-03-02 10:02:00,2026-03-02 10:02:10,,2026-03-02 10:20:00,Ann,2026-03-02 10:02:40,,6,,',
      'T4,Sales,Web chat,2026-03-02 10:03:00,2026-03-02 10:03:05,,2026-03-02 10:25:00,Ann,,7,,,', // CSAT 7 of 5
      'T5,Sales,Web chat,2026-03-02 10:04:00,2026-03-02 10:04:05,,2026-03-02 10:25:00,Ann,,,,2026-03-02 10:30:00,maybe',
    ];
    const r = t.engine.ingestWith(createCsvAdapter(columnMapping(withOutcomes.mapping)), 'export.csv', exportFile.map((text, i) => ({ position: i + 1, text })));
    expect(r.errors).toEqual([
      { position: 5, reason: 'column "CSAT" (csat): "7" is not a whole number from 1 to 5' },
      { position: 6, reason: 'column "One touch" (firstContactResolution): "maybe" is not yes or no' },
    ]);
    // a survey without its own time is dated at the contact's end
    expect(t.engine.store.contact('T1')).toMatchObject({ csat: 5, nps: 9, resolvedAt: Date.parse('2026-03-02T09:05:00Z'), firstContactResolution: true });
    expect(t.engine.store.contact('T2')).toMatchObject({ csat: 2, nps: null, firstContactResolution: false });
    expect(t.engine.store.contact('T3')).toMatchObject({ csat: null, nps: 6, firstResponseAt: Date.parse('2026-03-02T09:02:40Z') });
    // the survey tool's answers: a later answer for T2 replaces its survey; one for a contact not seen yet waits for it
    const answers = [
      'Contact,Score,Answered',
      'T2,4,2026-03-02T09:30:00Z',
      'X9,3,2026-03-02T09:40:00Z',
      'T3,,2026-03-02T09:41:00Z', // no answer: skipped and counted
      'T3,five,2026-03-02T09:42:00Z',
    ];
    const adapter = createCsvAdapter(columnMapping(surveys.mapping));
    const s = t.engine.ingestWith(adapter, 'survey.csv', answers.map((text, i) => ({ position: i + 1, text })));
    expect(s).toMatchObject({ quarantined: 1, errors: [{ position: 5, reason: 'column "Score" (csat): "five" is not a whole number from 1 to 5' }] });
    expect(adapter.ignored).toEqual(new Map([['no survey answer or resolution in the row', 1]]));
    expect(t.engine.store.contact('T2')).toMatchObject({ csat: 4 });
    t.engine.ingestNdjson('crm', [{ position: 1, text: JSON.stringify({ v: 1, type: 'contact.queued', ts: '2026-03-02T09:10:00Z', contactId: 'X9', queue: 'Sales', channel: 'chat' }) }]);
    expect(t.engine.store.contact('X9')).toMatchObject({ queue: 'Sales', csat: 3 });
    // the default CSAT standard (4-5 of 5, the week): voice T1 5, T2 4: 2 of 2; chat X9 3: 0 of 1
    const csat = t.engine.handlers['standards/evaluate']({}).results.filter((x) => x.standardId === 'csat');
    expect(csat.find((x) => x.key === 'voice')).toMatchObject({ figure: 1, volume: 2 });
    expect(csat.find((x) => x.key === 'chat')).toMatchObject({ figure: 0, volume: 1 });
    t.close();
  });

  it('reads an ISO time without an offset in the mapping\'s time zone, whatever the host\'s', () => {
    const m = parseColumnMapping({ version: 1, name: 'iso', timeFormat: 'iso', timeZone: 'America/New_York', columns: { id: 'Id', queue: 'Queue', queuedAt: 'In' } });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const t = testEngine(Date.parse('2026-03-02T20:00:00Z'));
    const r = t.engine.ingestWith(createCsvAdapter(columnMapping(m.mapping)), 'iso.csv', ['Id,Queue,In', 'a,Sales,2026-03-02T09:00:00', 'b,Sales,2026-03-02T09:00:00Z', 'c,Sales,2026-03-02T09:00:00+01:00'].map((text, i) => ({ position: i + 1, text })));
    expect(r.quarantined).toBe(0);
    expect(t.engine.store.contact('a')?.queuedAt).toBe(Date.parse('2026-03-02T14:00:00Z')); // 09:00 in New York (EST)
    expect(t.engine.store.contact('b')?.queuedAt).toBe(Date.parse('2026-03-02T09:00:00Z'));
    expect(t.engine.store.contact('c')?.queuedAt).toBe(Date.parse('2026-03-02T08:00:00Z'));
    t.close();
  });

  it('refuses a surveys mapping without the answer\'s time or any outcome column', () => {
    expect(parseColumnMapping({ version: 1, name: 's', kind: 'surveys', columns: { id: 'Contact', csat: 'Score' } })).toEqual({ ok: false, reason: expect.stringMatching(/surveyedAt/) });
    expect(parseColumnMapping({ version: 1, name: 's', kind: 'surveys', columns: { id: 'Contact', surveyedAt: 'At' } })).toEqual({ ok: false, reason: expect.stringMatching(/csat, nps or resolvedAt/) });
    expect(parseColumnMapping({ ...mapping, columns: { ...mapping.columns, resolvedAt: 'Solved' } })).toEqual({ ok: false, reason: expect.stringMatching(/resolvedAt and firstContactResolution go together/) });
  });

  it('refuses a line over 64 KiB as every feed does, and keeps a row\'s empty edge fields', () => {
    const parsed = parseColumnMapping({ ...mapping, delimiter: '\t' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = createCsvAdapter(columnMapping(parsed.mapping)).parse([
      FILE[0].replaceAll(',', '\t'),
      'T1\tSales\tPhone\t2026-03-02 10:00:00\t\t\t\t', // no agent: the row ends with its empty field
      `T2\tSales\tPhone\t2026-03-02 10:00:00\t\t\t\t${'x'.repeat(MAX_LINE_LENGTH)}`,
    ].map((text, i) => ({ position: i + 1, text })));
    expect(out.map((l) => l.reason)).toEqual([undefined, undefined, `line longer than ${MAX_LINE_LENGTH} characters`]);
    expect(out[2].text).toHaveLength(MAX_LINE_LENGTH);
  });
});
