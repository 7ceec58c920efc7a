import { useEffect, useState } from 'react';
import { CHANNELS, type Channel } from '../../../../shared/api';
import type { IntervalStaffing } from '../../../../shared/standards';
import { useClient } from '../../api/client-context';
import { formatHourMinute } from '../../../../shared/format';
import { CHANNEL_LABEL } from '../floor/channels';

/** Intervals shown: the last two hours at 15 minutes. */
const SHOWN = 8;
/** Read again this often (the figures move with the interval, not with each event). */
const REFRESH_MS = 30_000;

/**
 * Staffed against required (Erlang C) per channel over the last intervals of today: was the floor staffed for
 * the load it had? A cell short of agents is marked, in words and in color.
 */
export function StaffingIntervals({ timeZone, evaluatedAt }: { timeZone: string; evaluatedAt: number | null }) {
  const client = useClient();
  const [data, setData] = useState<IntervalStaffing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const slot = evaluatedAt === null ? 0 : Math.floor(evaluatedAt / REFRESH_MS);
  useEffect(() => {
    let live = true;
    client.call('standards/staffing', {}).then(
      (d) => live && (setData(d), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, slot]);
  if (error) return <p className="banner banner--error">Staffing by interval could not be read: {error}</p>;
  if (!data || data.rows.length === 0) return null;
  const starts = [...new Set(data.rows.map((r) => r.start))].sort((a, b) => a - b).slice(-SHOWN);
  const cell = new Map(data.rows.map((r) => [`${r.channel}|${r.start}`, r]));
  const channels = CHANNELS.filter((ch) => data.rows.some((r) => r.channel === ch && (r.arrivals > 0 || r.staffed > 0)));
  return (
    <section className="staffing" aria-label="Staffed against required by interval" data-testid="staffing-intervals">
      <h2>Staffed / required by {data.intervalMinutes}-minute interval (Erlang C for each interval's load)</h2>
      <table className="staffing-intervals">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            {starts.map((s) => (
              <th key={s} scope="col">
                {formatHourMinute(s, timeZone)}
                {s + data.intervalMinutes * 60_000 > data.to ? ' (so far)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((ch: Channel) => (
            <tr key={ch}>
              <th scope="row">{CHANNEL_LABEL[ch]}</th>
              {starts.map((s) => {
                const r = cell.get(`${ch}|${s}`);
                if (!r) return <td key={s}>—</td>;
                const short = r.required !== null && r.staffed < r.required;
                return (
                  <td
                    key={s}
                    className={short ? 'staffing--short' : undefined}
                    data-testid={`staffing-${ch}-${s}`}
                    title={`${r.arrivals} arrivals, AHT ${r.ahtSeconds === null ? '—' : `${Math.round(r.ahtSeconds)} s`}`}
                  >
                    {r.staffed.toFixed(1)} / {r.required ?? '—'}
                    {short && <span> ✖ short</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
