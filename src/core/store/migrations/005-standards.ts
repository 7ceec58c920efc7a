// Migration 005: service standards with their history. Each save is a new version of the whole set (standards
// and business-hours calendars, as JSON), in force from `valid_from`: a report over a past week uses the version
// that was in force then.
export const sql = /* sql */ `
CREATE TABLE standards_versions (
  id         INTEGER PRIMARY KEY,
  valid_from INTEGER NOT NULL,
  body       TEXT NOT NULL,
  note       TEXT,
  saved_at   INTEGER NOT NULL
);
CREATE INDEX standards_versions_from ON standards_versions (valid_from, id);
`;
