// Migration 015: scheduled reports by email. A schedule's recipients (a JSON list, empty: no mail); each run's mail
// outcome apart from its files' (a refused login leaves the run 'done', its files kept, and its mail 'failed' for the
// next run to send again); the center's one SMTP server (its password is never answered by an API or CLI listing).
export const sql = /* sql */ `
ALTER TABLE report_schedules ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
ALTER TABLE report_runs ADD COLUMN mail_status TEXT;
ALTER TABLE report_runs ADD COLUMN mail_error TEXT;
ALTER TABLE report_runs ADD COLUMN mailed_at INTEGER;
CREATE TABLE smtp_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  security TEXT NOT NULL,
  user TEXT,
  password TEXT,
  from_address TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`;
