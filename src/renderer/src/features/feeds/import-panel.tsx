import { useEffect, useId, useRef, useState } from 'react';
import type { FeedFormat } from '../../../../shared/api';
import { useClient } from '../../api/client-context';
import { formatCount } from '../../../../shared/format';
import { AbandonMappingFields } from './abandon-mapping-fields';
import { abandonMappingFor, addIgnored, DEFAULT_ABANDON_DRAFT, errorText, FORMAT_LABEL, IMPORT_FORMATS, ignoredEntries, ignoredTotal, type AbandonDraft } from './feed-look';
import { DEFAULT_BATCH_LINES, lineBatches } from './line-batches';

/** Quarantined lines kept for the summary: the engine already returns only the first few of each batch. */
const MAX_ERRORS_SHOWN = 20;

interface Totals {
  lines: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  ignored: Record<string, number>;
  errors: { position: number; reason: string }[];
}

const NO_TOTALS: Totals = { lines: 0, accepted: 0, duplicates: 0, quarantined: 0, ignored: {}, errors: [] };

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; source: string; size: number; bytesRead: number; totals: Totals; startedAt: number }
  | { phase: 'done' | 'cancelled' | 'failed'; source: string; totals: Totals; seconds: number; error?: string };

interface ImportPanelProps {
  /** Show the quarantined lines of this import (its source is the file name). */
  onShowQuarantine: (source: string) => void;
  /** Lines per `import/lines` call (tests use small batches). */
  batchLines?: number;
}

export function ImportPanel({ onShowQuarantine, batchLines = DEFAULT_BATCH_LINES }: ImportPanelProps) {
  const client = useClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FeedFormat>('queue_log');
  const [mappings, setMappings] = useState<string[] | null>(null);
  const [mappingsError, setMappingsError] = useState<string | null>(null);
  const [mapping, setMapping] = useState('');
  const [abandon, setAbandon] = useState<AbandonDraft>(DEFAULT_ABANDON_DRAFT);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const cancelled = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      // Leaving the screen stops an import between two batches rather than leaving it running unseen.
      mounted.current = false;
      cancelled.current = true;
    };
  }, []);

  // CSV needs a column mapping: ask the engine which ones it has the first time CSV is chosen.
  const needMappings = format === 'csv' && mappings === null && mappingsError === null;
  useEffect(() => {
    if (!needMappings) return;
    let active = true;
    client.call('import/mappings', {}).then(
      (names) => {
        if (!active) return;
        setMappings(names);
        setMapping((m) => (m && names.includes(m) ? m : (names[0] ?? '')));
      },
      (e: unknown) => active && setMappingsError(errorText(e)),
    );
    return () => {
      active = false;
    };
  }, [client, needMappings]);

  const running = run.phase === 'running';
  const csvBlocked = format === 'csv' && !mapping;

  const start = async () => {
    if (!file || running || csvBlocked) return;
    cancelled.current = false;
    const source = file.name;
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    // Fixed for the whole import (the controls are disabled while it runs): every batch carries the same mapping.
    const abandonMapping = abandonMappingFor(format, abandon);
    let totals = NO_TOTALS;
    setRun({ phase: 'running', source, size: file.size, bytesRead: 0, totals, startedAt });
    try {
      for await (const batch of lineBatches(file, { batchLines })) {
        if (cancelled.current) break;
        const result = await client.call('import/lines', {
          source,
          format,
          ...(format === 'csv' ? { mapping } : {}),
          ...(abandonMapping ? { abandonMapping } : {}),
          startPosition: batch.startPosition,
          lines: batch.lines,
        });
        totals = {
          lines: totals.lines + batch.lines.length,
          accepted: totals.accepted + result.accepted,
          duplicates: totals.duplicates + result.duplicates,
          quarantined: totals.quarantined + result.quarantined,
          ignored: addIgnored(totals.ignored, result.ignored),
          errors: [...totals.errors, ...result.errors].slice(0, MAX_ERRORS_SHOWN),
        };
        if (!mounted.current) return;
        setRun({ phase: 'running', source, size: file.size, bytesRead: batch.bytesRead, totals, startedAt });
      }
      if (!mounted.current) return;
      setRun({ phase: cancelled.current ? 'cancelled' : 'done', source, totals, seconds: seconds() });
    } catch (e) {
      if (mounted.current) setRun({ phase: 'failed', source, totals, seconds: seconds(), error: errorText(e) });
    }
  };

  return (
    <section className="panel import-panel" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <h2 className="panel__title" id={`${id}-title`}>
        Import history <span className="panel__hint">a one-shot load of a past file; it is not followed</span>
      </h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>File</label>
        <input
          id={`${id}-file`}
          type="file"
          data-testid="import-file"
          disabled={running}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setRun({ phase: 'idle' });
          }}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} data-testid="import-format" value={format} disabled={running} onChange={(e) => setFormat(e.target.value as FeedFormat)}>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
        {format === 'csv' && (
          <div className="field">
            <label htmlFor={`${id}-mapping`}>Column mapping</label>
            <select
              id={`${id}-mapping`}
              data-testid="import-mapping"
              value={mapping}
              disabled={running || !mappings || mappings.length === 0}
              onChange={(e) => setMapping(e.target.value)}
            >
              {mappings === null && <option value="">Loading…</option>}
              {mappings?.length === 0 && <option value="">No mapping on the host</option>}
              {mappings?.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            {mappingsError && (
              <span className="field-error" role="alert" data-testid="import-mapping-error">
                Cannot list mappings: {mappingsError}{' '}
                <button type="button" className="link-button" onClick={() => setMappingsError(null)}>
                  Retry
                </button>
              </span>
            )}
          </div>
        )}
      </div>
      <AbandonMappingFields format={format} value={abandon} onChange={setAbandon} testIdPrefix="import" subject="this import" disabled={running} />
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="import-start"
          disabled={!file || running || csvBlocked}
          onClick={() => void start()}
        >
          Start import
        </button>
        {running && (
          <button type="button" className="button" data-testid="import-cancel" onClick={() => (cancelled.current = true)}>
            Cancel
          </button>
        )}
        {!file && run.phase === 'idle' && <span className="field__hint">Choose a file first.</span>}
      </div>
      {run.phase === 'running' && <ImportProgress run={run} />}
      {(run.phase === 'done' || run.phase === 'cancelled' || run.phase === 'failed') && (
        <ImportSummary run={run} onShowQuarantine={() => onShowQuarantine(run.source)} />
      )}
    </section>
  );
}

function ImportProgress({ run }: { run: Extract<Run, { phase: 'running' }> }) {
  const percent = run.size > 0 ? Math.min(100, Math.round((run.bytesRead / run.size) * 100)) : 100;
  const text = `${percent}% — ${formatCount(run.totals.lines)} lines sent`;
  return (
    <div className="import-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={`Importing ${run.source}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        data-testid="import-progress"
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="import-progress__text">{text}</span>
    </div>
  );
}

function ImportSummary({ run, onShowQuarantine }: { run: Extract<Run, { phase: 'done' | 'cancelled' | 'failed' }>; onShowQuarantine: () => void }) {
  const t = run.totals;
  const ignored = ignoredEntries(t.ignored);
  const heading =
    run.phase === 'done' ? `Imported ${run.source}` : run.phase === 'cancelled' ? `Import of ${run.source} cancelled` : `Import of ${run.source} stopped`;
  return (
    <div className={`import-summary import-summary--${run.phase}`} data-testid="import-summary" data-phase={run.phase} role="status">
      <p className="import-summary__head">
        <span aria-hidden="true">{run.phase === 'done' ? '✓' : run.phase === 'cancelled' ? '■' : '✖'}</span> {heading}:{' '}
        <span data-testid="import-lines">{formatCount(t.lines)}</span> lines in <span data-testid="import-seconds">{run.seconds.toFixed(1)}</span> s
      </p>
      {run.error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {run.error}
        </p>
      )}
      <dl className="import-summary__figures">
        <div>
          <dt>Accepted</dt>
          <dd data-testid="import-accepted">{formatCount(t.accepted)}</dd>
        </div>
        <div>
          <dt>Duplicates</dt>
          <dd data-testid="import-duplicates">{formatCount(t.duplicates)}</dd>
        </div>
        <div>
          <dt>Quarantined</dt>
          <dd data-testid="import-quarantined" className={t.quarantined > 0 ? 'text-warn' : undefined}>
            {formatCount(t.quarantined)}
          </dd>
        </div>
        <div>
          <dt>Ignored</dt>
          <dd data-testid="import-ignored">{formatCount(ignoredTotal(t.ignored))}</dd>
        </div>
      </dl>
      {ignored.length > 0 && (
        <p className="import-summary__ignored" data-testid="import-ignored-kinds">
          Ignored by kind: {ignored.map(([kind, n]) => `${kind} ${formatCount(n)}`).join(' · ')}
        </p>
      )}
      {t.errors.length > 0 && (
        <div className="import-summary__errors">
          <h3>First quarantined lines</h3>
          <ul data-testid="import-errors">
            {t.errors.map((e) => (
              <li key={e.position}>
                <code>line {e.position}</code> {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {t.quarantined > 0 && (
        <button type="button" className="link-button" data-testid="import-show-quarantine" onClick={onShowQuarantine}>
          Show the quarantined lines of {run.source}
        </button>
      )}
    </div>
  );
}
