// Migration 001: the initial schema. Migrations are numbered, applied in order, and never edited once released.
export const sql = /* sql */ `
-- Floorboard schema v1. Raw lines are append-only; contacts and agent-state intervals are derived from events.

CREATE TABLE sources (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  format     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Every accepted source line, exactly once per (source, position).
CREATE TABLE raw_lines (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (source_id, position)
);

-- Canonical events. "key" is the idempotency key: the event's own id, else source#position#index.
-- "body" is the canonical JSON when it differs from the raw line (adapters); NULL for native NDJSON lines.
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  raw_id     INTEGER NOT NULL REFERENCES raw_lines(id),
  key        TEXT NOT NULL UNIQUE,
  type       TEXT NOT NULL,
  ts         INTEGER NOT NULL,
  contact_id TEXT,
  agent_id   TEXT,
  body       TEXT
);
CREATE INDEX events_ts ON events (ts);

CREATE TABLE quarantine (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (source_id, position)
);

CREATE TABLE queues (
  name                 TEXT PRIMARY KEY,
  channel              TEXT NOT NULL,
  time_zone            TEXT,
  sl_threshold_seconds REAL NOT NULL
);

CREATE TABLE contacts (
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
);
CREATE INDEX contacts_queued_at ON contacts (queued_at);

CREATE TABLE agents (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  capacity TEXT NOT NULL DEFAULT '{}'
);

-- Agent-state intervals; end_at NULL = the current state.
CREATE TABLE agent_states (
  id       INTEGER PRIMARY KEY,
  agent_id TEXT NOT NULL,
  state    TEXT NOT NULL,
  reason   TEXT,
  start_at INTEGER NOT NULL,
  end_at   INTEGER
);
CREATE INDEX agent_states_agent ON agent_states (agent_id, start_at);
-- the open interval of each agent, found without scanning its day
CREATE INDEX agent_states_open ON agent_states (agent_id) WHERE end_at IS NULL;
CREATE INDEX agent_states_start ON agent_states (start_at);

CREATE TABLE checkpoints (
  source_id  INTEGER PRIMARY KEY REFERENCES sources(id),
  position   INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`;
