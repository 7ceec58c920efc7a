// Migration 012: the center's settings (core/center/center-settings.ts), one row, read by every process that opens
// the database (the app, the host, the CLI), so they cannot disagree on the time zone or the first day of the week.
// A null column: not set (the defaults apply).
export const sql = /* sql */ `
CREATE TABLE center (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT,
  time_zone TEXT,
  reset_hour INTEGER,
  week_start TEXT,
  updated_at INTEGER NOT NULL
);
`;
