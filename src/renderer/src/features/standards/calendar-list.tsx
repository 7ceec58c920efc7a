import { useState } from 'react';
import type { StandardsSet } from '../../../../shared/standards';
import { CHANNEL_LABEL } from '../floor/channels';

interface CalendarListProps {
  set: StandardsSet;
  errors: ReadonlyMap<string, string>;
  now: number;
  /** null: the caller may not save standards (a viewer): the hours are shown, not their zone's form. */
  onSave: ((next: StandardsSet) => Promise<boolean>) | null;
}

const DAY_NAME = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The published hours of each channel, with the zone they are published in (editable by a caller who may save). */
export function CalendarList({ set, errors, now, onSave }: CalendarListProps) {
  const [zones, setZones] = useState<Record<string, string>>({});
  if (set.calendars.length === 0) return <p className="summary-note">No business hours are published: every channel is open at all times.</p>;
  return (
    <section className="calendars" aria-label="Business hours" data-testid="calendars">
      <h2>Business hours</h2>
      <ul>
        {set.calendars.map((c, i) => {
          const zone = zones[c.id] ?? c.timeZone;
          const error = errors.get(`calendars.${i}.timeZone`);
          const hours = Object.entries(c.week)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([d, periods]) => `${DAY_NAME[Number(d)]} ${periods!.join(', ')}`)
            .join(' · ');
          return (
            <li key={c.id} className="calendar" data-testid={`calendar-${c.id}`}>
              <strong>{c.name}</strong>
              <span className="summary-note">
                {c.channels.map((ch) => CHANNEL_LABEL[ch]).join(', ') || 'no channel'}: {hours || 'closed'}
                {c.holidays.length ? `; closed on ${c.holidays.filter((h) => h >= new Date(now).toISOString().slice(0, 10)).slice(0, 3).join(', ') || 'no coming holiday'}` : ''}
              </span>
              {onSave && (
                <form
                  className="calendar__zone"
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    void onSave({ ...set, calendars: set.calendars.map((x) => (x.id === c.id ? { ...x, timeZone: zone.trim() } : x)) });
                  }}
                >
                  <label className="field">
                    <span className="field__label">Time zone</span>
                    <input value={zone} onChange={(e) => setZones((z) => ({ ...z, [c.id]: e.target.value }))} data-testid={`zone-${c.id}`} aria-invalid={error ? true : undefined} aria-describedby={error ? `zone-${c.id}-error` : undefined} />
                    {error && (
                      <span className="field-error" id={`zone-${c.id}-error`} data-testid={`zone-error-${c.id}`}>
                        <span aria-hidden="true">✖ </span>
                        {error}
                      </span>
                    )}
                  </label>
                  <button type="submit" className="button" data-testid={`save-zone-${c.id}`}>
                    Save zone
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
