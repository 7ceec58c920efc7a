// Migration 014: report schedules and their runs (core/reports/report-schedules.ts). A run is claimed by inserting
// its (schedule, due instant) row: the UNIQUE constraint lets one process of several sharing the database win it.
export const sql = /* sql */ `
CREATE TABLE report_schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  cron TEXT NOT NULL,
  period TEXT NOT NULL,
  formats TEXT NOT NULL,
  scope TEXT NOT NULL,
  agents INTEGER NOT NULL,
  folder TEXT NOT NULL,
  keep INTEGER NOT NULL,
  settle_minutes INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE report_runs (
  id INTEGER PRIMARY KEY,
  schedule_id INTEGER NOT NULL REFERENCES report_schedules (id) ON DELETE CASCADE,
  due_at INTEGER NOT NULL,
  claimed_at INTEGER NOT NULL,
  finished_at INTEGER,
  status TEXT NOT NULL,
  error TEXT,
  folder TEXT,
  UNIQUE (schedule_id, due_at)
);
`;
