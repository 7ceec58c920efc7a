import { useEffect, useId, useState } from 'react';
import type { QuarantineEntry } from '../../../../shared/api';
import { useClient } from '../../api/client-context';
import { formatCount, formatDate, formatTimeOfDay } from '../../../../shared/format';
import { errorText } from './feed-look';

/** Recent lines only: this is for seeing what goes wrong, not an export. */
const QUARANTINE_LIMIT = 200;
/** Raw lines up to this many characters fit their cell even on a small screen: no expand button. */
const RAW_SHOWN_WHOLE = 24;

interface QuarantineListProps {
  /** The source shown (a feed name or an import's file name); null for all. */
  source: string | null;
  onSourceChange: (source: string | null) => void;
  /** Sources to offer in the filter: the feeds' names. */
  sources: readonly string[];
  /** Changes whenever the count of quarantined lines may have changed: the list is fetched again. */
  refreshKey: number;
  timeZone: string;
}

type Load = { state: 'loading' } | { state: 'loaded'; entries: QuarantineEntry[] } | { state: 'failed'; error: string };

export function QuarantineList({ source, onSourceChange, sources, refreshKey, timeZone }: QuarantineListProps) {
  const client = useClient();
  const id = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [manual, setManual] = useState(0);

  useEffect(() => {
    let active = true;
    client.call('quarantine/list', source ? { limit: QUARANTINE_LIMIT, source } : { limit: QUARANTINE_LIMIT }).then(
      (entries) => active && setLoad({ state: 'loaded', entries }),
      (e: unknown) => active && setLoad({ state: 'failed', error: errorText(e) }),
    );
    return () => {
      active = false;
    };
  }, [client, source, refreshKey, manual]);

  const options = source && !sources.includes(source) ? [...sources, source] : sources;

  return (
    <section className="panel quarantine" aria-labelledby={`${id}-title`} data-testid="quarantine-list" data-source={source ?? ''}>
      <div className="quarantine__head">
        <h2 className="panel__title" id={`${id}-title`}>
          Quarantined lines <span className="panel__hint">read but not understood: not counted in any figure</span>
        </h2>
        <label className="quarantine__filter">
          <span>Source</span>
          <select data-testid="quarantine-source" value={source ?? ''} onChange={(e) => onSourceChange(e.target.value || null)}>
            <option value="">All sources</option>
            {options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" data-testid="quarantine-refresh" onClick={() => setManual((n) => n + 1)}>
          <span aria-hidden="true">↻</span> Refresh
        </button>
      </div>
      {load.state === 'loading' && <p className="empty">Loading…</p>}
      {load.state === 'failed' && (
        <p className="form-error" role="alert" data-testid="quarantine-error">
          Cannot load quarantined lines: {load.error}
        </p>
      )}
      {load.state === 'loaded' &&
        (load.entries.length === 0 ? (
          <p className="empty" data-testid="quarantine-empty">
            Nothing quarantined{source ? ` for ${source}` : ''}.
          </p>
        ) : (
          <>
            <p className="quarantine__count" data-testid="quarantine-count">
              {load.entries.length >= QUARANTINE_LIMIT ? `Latest ${formatCount(load.entries.length)}` : formatCount(load.entries.length)}{' '}
              {load.entries.length === 1 ? 'line' : 'lines'}
              {source ? ` from ${source}` : ''}
            </p>
            <div className="quarantine__scroll">
              <table className="quarantine-table">
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">When</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Raw text</th>
                  </tr>
                </thead>
                <tbody>
                  {load.entries.map((entry) => (
                    <QuarantineRow key={`${entry.source}:${entry.position}:${entry.at}`} entry={entry} timeZone={timeZone} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}

function QuarantineRow({ entry, timeZone }: { entry: QuarantineEntry; timeZone: string }) {
  const [open, setOpen] = useState(false);
  // Short lines show whole; a longer one is cut to its cell until expanded.
  const long = entry.text.length > RAW_SHOWN_WHOLE || entry.text.includes('\n');
  return (
    <tr data-testid="quarantine-entry" data-source={entry.source} data-position={entry.position}>
      <td>{entry.source}</td>
      <td className="num">{formatCount(entry.position)}</td>
      <td className="quarantine__when">
        <time dateTime={new Date(entry.at).toISOString()}>
          {formatDate(entry.at, timeZone)} {formatTimeOfDay(entry.at, timeZone)}
        </time>
      </td>
      <td className="quarantine__reason">{entry.reason}</td>
      <td>
        <div className="quarantine__raw">
          <code className={`raw-line${open ? ' raw-line--open' : ''}`} data-testid="quarantine-raw">
            {entry.text}
          </code>
          {long && (
            <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
              {open ? 'Collapse' : 'Expand'}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
