import { useState } from 'react';
import type { AlertsSummary, AlertView } from '../../../../shared/standards';
import { useClient } from '../../api/client-context';
import { useAllows } from '../access/session';
import { CHANNEL_LABEL } from '../floor/channels';
import { formatHourMinute } from '../../../../shared/format';

const column = (a: AlertView) => (a.queue ? `queue ${a.queue}` : a.channel ? CHANNEL_LABEL[a.channel] : 'center');

/** Open alerts, newest first, each acknowledged or snoozed from here (by a caller who may: not a viewer). */
export function AlertsPanel({ alerts, now, timeZone }: { alerts: AlertsSummary; now: number; timeZone: string }) {
  const client = useClient();
  const mayAcknowledge = useAllows('alerts/acknowledge');
  const maySnooze = useAllows('alerts/snooze');
  const [error, setError] = useState<string | null>(null);
  const act = (p: Promise<unknown>) => p.then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  if (alerts.open.length === 0) return null;
  return (
    <section className="alerts" aria-label="Open alerts" data-testid="alerts-panel">
      <h2>Open alerts</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {alerts.open.map((a) => {
          const snoozed = a.snoozedUntil !== null && a.snoozedUntil > now;
          return (
            <li key={a.id} className={`alert${a.acknowledgedAt === null && !snoozed ? ' alert--new' : ''}`} data-testid={`alert-${a.id}`}>
              <strong>
                <span aria-hidden="true">✖</span> {a.standardName} — {column(a)}
              </strong>
              <span className="summary-note">
                below expected since {formatHourMinute(a.breachStartedAt, timeZone)}, alerted {formatHourMinute(a.firedAt, timeZone)}: {a.basis}
                {a.acknowledgedAt !== null ? ` · acknowledged ${formatHourMinute(a.acknowledgedAt, timeZone)}` : ''}
                {snoozed ? ` · snoozed until ${formatHourMinute(a.snoozedUntil!, timeZone)}` : ''}
              </span>
              <span className="alert__actions">
                {mayAcknowledge && a.acknowledgedAt === null && (
                  <button type="button" className="button button--primary" data-testid={`ack-${a.id}`} onClick={() => act(client.call('alerts/acknowledge', { id: a.id }))}>
                    Acknowledge
                  </button>
                )}
                {maySnooze && (
                  <button type="button" className="button" data-testid={`snooze-${a.id}`} onClick={() => act(client.call('alerts/snooze', { id: a.id, minutes: snoozed ? 0 : 15 }))}>
                    {snoozed ? 'Wake' : 'Snooze 15 minutes'}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
