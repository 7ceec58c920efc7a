// Migration 003: raw lines stored in blocks (one row per run of consecutive positions written by one batch)
// and event ids in a key table of their own. Per line this is one JSON array element instead of two table rows
// and three index entries: queue_log tails and history imports are written about 4x faster. The views
// raw_lines and events keep reading line by line.
export const sql = /* sql */ `
CREATE TABLE line_blocks (
  source_id      INTEGER NOT NULL REFERENCES sources(id),
  first_position INTEGER NOT NULL,
  last_position  INTEGER NOT NULL,
  -- JSON array of the texts of positions first..last (a block never spans a position without a stored line)
  lines          TEXT NOT NULL,
  -- JSON array aligned with lines: the canonical events each line gave (those that were new), or null where
  -- the line is itself one canonical NDJSON event; the whole column is NULL when every element is null
  events         TEXT,
  event_count    INTEGER NOT NULL,
  received_at    INTEGER NOT NULL,
  PRIMARY KEY (source_id, first_position)
) WITHOUT ROWID;

-- The idempotency keys of events that carry their own id (across sources: the same event posted twice).
CREATE TABLE event_keys (key TEXT PRIMARY KEY) WITHOUT ROWID;

INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, event_count, received_at)
SELECT r.source_id, r.position, r.position, json_array(r.text),
       CASE WHEN count(e.id) = 0 THEN json_array(json_array())
            WHEN max(e.body) IS NULL THEN NULL
            ELSE json_array(json_group_array(json(e.body))) END,
       count(e.id), r.received_at
FROM raw_lines r LEFT JOIN events e ON e.raw_id = r.id
GROUP BY r.id;

INSERT OR IGNORE INTO event_keys (key) SELECT key FROM events WHERE key NOT GLOB '*#*#*';

DROP TABLE events;
DROP TABLE raw_lines;

CREATE VIEW raw_lines AS
SELECT b.source_id, b.first_position + l.key AS position, l.value AS text, b.received_at
FROM line_blocks b, json_each(b.lines) l
WHERE l.type <> 'null';

CREATE VIEW events AS
SELECT b.source_id, b.first_position + l.key AS position, e.value AS body
FROM line_blocks b, json_each(b.lines) l,
     json_each(CASE WHEN b.events IS NULL OR json_extract(b.events, '$[' || l.key || ']') IS NULL
                    THEN json_array(json(l.value))
                    ELSE json_extract(b.events, '$[' || l.key || ']') END) e
WHERE l.type <> 'null';
`;
