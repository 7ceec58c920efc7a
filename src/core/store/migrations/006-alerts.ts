// Migration 006: the alert log. One row per breach episode of a standard on one column (center, channel or
// queue): when the breach started, when it fired (after the standard's hysteresis), when it resolved, and what
// the supervisor did with it.
export const sql = /* sql */ `
CREATE TABLE alerts (
  id               INTEGER PRIMARY KEY,
  standard_id      TEXT NOT NULL,
  standard_name    TEXT NOT NULL,
  key              TEXT NOT NULL,
  channel          TEXT,
  queue            TEXT,
  breach_started_at INTEGER NOT NULL,
  fired_at         INTEGER NOT NULL,
  resolved_at      INTEGER,
  acknowledged_at  INTEGER,
  snoozed_until    INTEGER,
  figure           REAL,
  basis            TEXT NOT NULL
);
CREATE INDEX alerts_open ON alerts (standard_id, key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_fired ON alerts (fired_at);
`;
