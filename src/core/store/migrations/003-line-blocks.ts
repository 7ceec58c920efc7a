// Migration 003: raw lines stored in blocks (one row per run of consecutive positions written by one batch),
// event ids in a key table of their own, contacts clustered by id, and agent intervals indexed by their end.
// Per line this is one JSON array element instead of two table rows and three index entries. The views
// raw_lines and events keep reading line by line.
export const sql = /* sql */ `
CREATE TABLE line_blocks (
  id             INTEGER PRIMARY KEY,
  source_id      INTEGER NOT NULL REFERENCES sources(id),
  first_position INTEGER NOT NULL,
  last_position  INTEGER NOT NULL,
  -- JSON array of the texts of positions first..last (a block never spans a position without a stored line)
  lines          TEXT NOT NULL,
  -- NDJSON (derived = 0): NULL when every line is itself one new canonical event, else a JSON array aligned
  -- with lines: null for such a line, [] for a line whose event was known already (by its id)
  events         TEXT,
  -- 1: the events come from the source's adapter and are not stored; the raw lines are the record, and
  -- reading them again through the adapter gives them (contacts and agent intervals are stored derived)
  derived        INTEGER NOT NULL,
  event_count    INTEGER NOT NULL,
  received_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX line_blocks_range ON line_blocks (source_id, first_position, last_position);

-- The idempotency keys of events that carry their own id (across sources: the same event posted twice).
CREATE TABLE event_keys (key TEXT PRIMARY KEY) WITHOUT ROWID;

INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at)
SELECT r.source_id, r.position, r.position, json_array(r.text),
       CASE WHEN count(e.id) = 0 THEN json_array(json_array()) END,
       max(e.body) IS NOT NULL, count(e.id), r.received_at
FROM raw_lines r LEFT JOIN events e ON e.raw_id = r.id
GROUP BY r.id;

-- version 1 keyed an event without an id of its own "source#position#index": those are not ids, leave them out
INSERT OR IGNORE INTO event_keys (key)
SELECT e.key FROM events e JOIN raw_lines r ON r.id = e.raw_id JOIN sources s ON s.id = r.source_id
WHERE substr(e.key, 1, length(s.name || '#' || r.position || '#')) <> s.name || '#' || r.position || '#';

DROP TABLE events;
DROP TABLE raw_lines;

CREATE VIEW raw_lines AS
SELECT b.source_id, b.first_position + l.key AS position, l.value AS text, b.received_at
FROM line_blocks b, json_each(b.lines) l;

-- the stored canonical events of NDJSON sources (adapters' events are derived from raw_lines, not stored)
CREATE VIEW events AS
SELECT b.source_id, b.first_position + l.key AS position, json(l.value) AS body
FROM line_blocks b, json_each(b.lines) l
WHERE b.derived = 0 AND (b.events IS NULL OR json_extract(b.events, '$[' || l.key || ']') IS NULL);

-- contacts clustered by id (small rows, looked up and merged by id on every batch)
CREATE TABLE contacts_by_id (
  id                TEXT PRIMARY KEY,
  channel           TEXT,
  queue             TEXT,
  agent_id          TEXT,
  queued_at         INTEGER,
  answered_at       INTEGER,
  first_response_at INTEGER,
  abandoned_at      INTEGER,
  ended_at          INTEGER,
  wrapup_end_at     INTEGER
) WITHOUT ROWID;
INSERT INTO contacts_by_id SELECT id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_by_id RENAME TO contacts;
CREATE INDEX contacts_queued_at ON contacts (queued_at);

-- intervals overlapping a day are found by their end (open, or ending after the day starts)
DROP INDEX agent_states_start;
CREATE INDEX agent_states_end ON agent_states (end_at);
`;
