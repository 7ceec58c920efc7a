import { useEffect, useRef, useState } from 'react';
import type { DrillDown, Standard } from '../../../../shared/standards';
import { STANDARD_METRICS } from '../../../../shared/standards';
import { useClient } from '../../api/client-context';
import { CHANNEL_LABEL } from '../floor/channels';
import { formatFigure } from './standard-look';
import { formatHourMinute } from '../../../../shared/format';

interface DrillPanelProps {
  standard: Standard;
  cellKey: string;
  timeZone: string;
  /** Changes when a new evaluation arrives: the drill-down is read again. */
  version: number;
  onClose: () => void;
}

const OUTCOME: Record<string, string> = { waiting: 'waiting', answered: 'answered', abandoned: 'abandoned', left: 'left the queue' };
const column = (key: string) => (key === 'center' ? 'the center' : key.startsWith('queue:') ? `queue ${key.slice(6)}` : CHANNEL_LABEL[key as keyof typeof CHANNEL_LABEL]);

/** The contacts and intervals behind one cell: the figure, checkable contact by contact. */
export function DrillPanel({ standard, cellKey, timeZone, version, onClose }: DrillPanelProps) {
  const client = useClient();
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('standards/drill', { standardId: standard.id, key: cellKey }).then(
      (d) => live && (setDrill(d), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, standard.id, cellKey, version]);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // in braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function
    ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
  }, [standard.id, cellKey]);
  const unit = STANDARD_METRICS[standard.metric].unit;
  const showNext = standard.metric === 'next-response-time' || (drill?.contacts.some((c) => c.nextResponses > 0) ?? false);
  const showAnswer = drill?.contacts.some((c) => c.answer !== null) ?? false;
  const time = (ms: number) => formatHourMinute(ms, timeZone);
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  return (
    <section ref={ref} className="drill" aria-label={`Behind ${standard.name} on ${column(cellKey)}`} data-testid="drill-panel">
      <header className="drill__head">
        <h2>
          Behind “{standard.name}” on {column(cellKey)}
          {drill ? `, ${day(drill.from)} ${time(drill.from)} to ${time(drill.to)}` : ''}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <p className="field-error">{error}</p>}
      {drill?.note && <p className="summary-note">{drill.note}</p>}
      {drill && drill.intervals.length > 0 && (
        <table className="what-if" data-testid="drill-intervals">
          <caption>By {drill.intervalMinutes >= 1440 ? 'day' : `${drill.intervalMinutes}-minute interval`}</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Counted</th>
              <th scope="col">{STANDARD_METRICS[standard.metric].label}</th>
            </tr>
          </thead>
          <tbody>
            {drill.intervals.map((i) => (
              <tr key={i.start}>
                <td>{drill.intervalMinutes >= 1440 ? day(i.start) : time(i.start)}</td>
                <td>{i.volume}</td>
                <td>{formatFigure(i.figure, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drill && drill.total > 0 && (
        <table className="what-if" data-testid="drill-contacts">
          <caption>
            {drill.total} contact{drill.total === 1 ? '' : 's'}, {drill.counted} in the figure
            {drill.total > drill.contacts.length ? `, the first ${drill.contacts.length} shown` : ''}: those that missed first, then the rest of the figure,
            then those it does not count; longest waits first
          </caption>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Queue</th>
              <th scope="col">Queued</th>
              <th scope="col">Outcome</th>
              <th scope="col">Wait</th>
              <th scope="col">First response</th>
              {showNext && <th scope="col">Next responses</th>}
              {showAnswer && <th scope="col">Answer</th>}
              <th scope="col">Counts as</th>
            </tr>
          </thead>
          <tbody>
            {drill.contacts.map((c) => (
              <tr key={c.id} data-testid={`drill-contact-${c.id}`} className={c.met === false ? 'drill__missed' : ''}>
                <td>{c.id}</td>
                <td>{c.queue}</td>
                <td>{time(c.queuedAt)}</td>
                <td>{OUTCOME[c.outcome]}</td>
                <td>{formatFigure(c.waitSeconds, 'seconds')}</td>
                <td>{c.firstResponseSeconds === null ? '—' : formatFigure(c.firstResponseSeconds, 'seconds')}</td>
                {showNext && <td>{c.nextResponseSeconds === null ? '—' : `${c.nextResponses} × mean ${formatFigure(c.nextResponseSeconds, 'seconds')}`}</td>}
                {showAnswer && <td>{c.answer ?? '—'}</td>}
                <td>{c.met === null ? (c.inFigure ? 'in the figure' : 'not counted') : c.met ? '✓ met' : '✖ missed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drill && drill.total === 0 && !drill.note && <p className="summary-note">No contacts in this window.</p>}
    </section>
  );
}
