import { useCallback, useEffect, useMemo, useState } from 'react';
import { CHANNELS, type Channel, type FloorSnapshot } from '../../../../shared/api';
import type { StandardResult, StandardsSet, StandardsVersion } from '../../../../shared/standards';
import { STANDARD_METRICS } from '../../../../shared/standards';
import { formatPercent } from '../../../../shared/format';
import { useClient } from '../../api/client-context';
import { StaffingIntervals } from './staffing-intervals';
import { ApiError, type ConnectionState } from '../../api/client';
import { useAllows } from '../access/session';
import { FloorHeader } from '../floor/floor-header';
import { CHANNEL_LABEL } from '../floor/channels';
import { AlertsPanel } from './alerts-panel';
import { CalendarList } from './calendar-list';
import { DrillPanel } from './drill-panel';
import { StandardEditor } from './standard-editor';
import { WeekLoading } from '../floor/week-loading';
import { formatFigure, resultLook, TIER_LABEL, WINDOW_LABEL } from './standard-look';

const seconds = (v: number) => formatFigure(v, 'seconds');
import './standards.css';

interface StandardsViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

const COLUMNS: readonly ('center' | Channel)[] = ['center', ...CHANNELS];
const COLUMN_LABEL = (c: 'center' | Channel) => (c === 'center' ? 'Center' : CHANNEL_LABEL[c]);

/** Errors of a save, by path in the set ("standards.2.tiers.expected"), for the fields to show. */
export type SaveErrors = Map<string, string>;

/**
 * The standards screen: a matrix of standards by channel, each cell the figure with its tier in words, the
 * consistency across channels and what drives the worst one, the staffing each channel needs, and the editor.
 */
export function StandardsView({ snapshot, connection, receivedAt }: StandardsViewProps) {
  const client = useClient();
  const [version, setVersion] = useState<StandardsVersion | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<SaveErrors>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ standardId: string; key: string } | null>(null);
  // a viewer reads the matrix; editing (and its what-if) and the contacts behind a cell are an admin's
  const mayEdit = useAllows('standards/save');
  const mayDrill = useAllows('standards/drill');

  const load = useCallback(() => {
    client.call('standards/get', {}).then(
      (v) => (setVersion(v), setLoadError(null)),
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [client]);
  useEffect(load, [load]);

  const evaluation = snapshot.standards;
  const results = useMemo(() => {
    const m = new Map<string, StandardResult>();
    for (const r of evaluation?.results ?? []) m.set(`${r.standardId}|${r.queue === null ? r.key : (r.channel ?? 'center')}`, r);
    return m;
  }, [evaluation]);

  /** Save the whole set; an invalid one comes back with each problem at its path, and nothing is saved. */
  const save = async (set: StandardsSet, note: string): Promise<boolean> => {
    setSaveError(null);
    setSaved(null);
    try {
      const v = await client.call('standards/save', { set, note });
      setVersion(v);
      setErrors(new Map());
      setSaved(`Saved as version ${v.version}, in force from now`);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setErrors(new Map(e.issues.map((i) => [i.path.replace(/^set\./, ''), i.message])));
        setSaveError('Not saved: correct the fields marked below.');
      } else setSaveError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };

  const set = version?.set;
  return (
    <div className="floor standards-screen" data-testid="standards-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="standards" />
      <main className="standards-main">
        <WeekLoading standards={evaluation} timeZone={snapshot.center.timeZone} />
        {snapshot.alerts && <AlertsPanel alerts={snapshot.alerts} now={snapshot.now} timeZone={snapshot.center.timeZone} />}
        <section className="standards-summary" aria-label="Consistency across channels">
          <div className="summary-figure" data-testid="consistency-index">
            <span className="metric__label">Consistency across channels</span>
            <strong>{formatPercent(evaluation?.consistencyIndex)}</strong>
          </div>
          {COLUMNS.slice(1).map((ch) => {
            const a = evaluation?.channels.find((c) => c.channel === ch);
            return (
              <div key={ch} className="summary-figure" data-testid={`attainment-${ch}`}>
                <span className="metric__label">{COLUMN_LABEL(ch)} attainment</span>
                <strong>{formatPercent(a?.attainment)}</strong>
                <span className="summary-note">{a ? `${a.volume} contacts today` : ''}</span>
              </div>
            );
          })}
          <div className="summary-worst" data-testid="worst-channel" role="status">
            {evaluation?.worst ? (
              <>
                <span className="metric__label">Furthest from target</span>
                <strong>
                  {CHANNEL_LABEL[evaluation.worst.channel]} ({formatPercent(evaluation.worst.attainment)}): {evaluation.worst.driver}
                </strong>
                <span className="summary-note">{evaluation.worst.detail}</span>
              </>
            ) : (
              <span className="summary-note">{evaluation ? 'Every measured channel meets its targets' : 'Not evaluated yet'}</span>
            )}
          </div>
        </section>

        {evaluation && evaluation.staffing.length > 0 && (
          <section className="staffing" aria-label="Staffing for the load" data-testid="staffing">
            <h2>Staffing for the last 30 minutes' load (Erlang C)</h2>
            <ul>
              {evaluation.staffing.map((n) => (
                <li key={n.channel} data-testid={`staffing-${n.channel}`} className={n.gap !== null && n.gap > 0 ? 'staffing--short' : ''}>
                  <strong>{CHANNEL_LABEL[n.channel]}</strong>{' '}
                  {n.required === null
                    ? `no figure: ${n.arrivals} arrivals, ${n.ahtSeconds === null ? 'no handle time yet' : `AHT ${seconds(n.ahtSeconds)}`}`
                    : `${n.required} required for ${formatPercent(n.target)} within ${seconds(n.thresholdSeconds)} (AHT ${seconds(n.ahtSeconds!)}), ${n.staffed} staffed: ${
                        n.gap! > 0 ? `${n.gap} more needed` : n.gap! < 0 ? `${-n.gap!} to spare` : 'just enough'
                      }`}
                </li>
              ))}
            </ul>
          </section>
        )}

        <StaffingIntervals timeZone={snapshot.center.timeZone} evaluatedAt={evaluation?.at ?? null} />

        {evaluation && (evaluation.notReadyByReason ?? []).length > 0 && (
          <section className="staffing" aria-label="Not ready today by reason" data-testid="not-ready-reasons">
            <h2>Not ready today, by reason (share of staffed time)</h2>
            <ul>
              {evaluation.notReadyByReason.slice(0, 8).map((r) => (
                <li key={r.reason} data-testid={`not-ready-${r.reason}`}>
                  <strong>{r.reason}</strong> {seconds(r.seconds)} ({formatFigure(r.share, 'share')})
                </li>
              ))}
            </ul>
          </section>
        )}

        {evaluation && (evaluation.atRisk ?? []).length > 0 && (
          <section className="staffing" aria-label="First responses at risk" data-testid="at-risk">
            <h2>First responses due within 15 minutes</h2>
            <ul>
              {evaluation.atRisk.map((r) => (
                <li key={`${r.standardId}-${r.channel}`} className="staffing--short" data-testid={`at-risk-${r.channel}`}>
                  <strong>{CHANNEL_LABEL[r.channel]}</strong> {r.count} without a response
                  {r.nextDeadline !== null ? `, the next due in ${seconds(Math.max(0, (r.nextDeadline - snapshot.now) / 1000))}` : ''}
                </li>
              ))}
            </ul>
          </section>
        )}

        {loadError && (
          <p className="banner banner--warn" role="alert">
            Cannot load the standards: {loadError}
          </p>
        )}
        {saveError && (
          <p className="banner banner--alert" role="alert" data-testid="standards-save-error">
            {saveError}
          </p>
        )}
        {saved && (
          <p className="banner banner--ok" role="status" data-testid="standards-saved">
            {saved}
          </p>
        )}

        {set && (
          <table className="standards-matrix" data-testid="standards-matrix">
            <caption>
              Service standards by channel — version {version!.version}
              {version!.note ? ` (${version!.note})` : ''}; each cell: the figure, and the tier it reaches
            </caption>
            <thead>
              <tr>
                <th scope="col">Standard</th>
                <th scope="col">Tiers (expected / desired: the target / delight)</th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {COLUMN_LABEL(c)}
                  </th>
                ))}
                {mayEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Edit</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {set.standards.map((s, index) => {
                const unit = STANDARD_METRICS[s.metric].unit;
                return [
                  <tr key={s.id} data-testid={`standard-row-${s.id}`}>
                    <th scope="row">
                      <span className="standard-name">{s.name}</span>
                      <span className="standard-meta">
                        {STANDARD_METRICS[s.metric].label}, {WINDOW_LABEL[s.window]}
                        {s.scope.kind === 'queue' ? `, queue ${s.scope.queue}` : ''}
                      </span>
                    </th>
                    <td className="standard-tiers">
                      {(['expected', 'desired', 'delight'] as const).map((t) => (
                        <span key={t} title={TIER_LABEL[t]}>
                          {s.comparator === 'at-least' ? '≥' : '≤'} {formatFigure(s.tiers[t], unit)}
                        </span>
                      ))}
                    </td>
                    {COLUMNS.map((c) => {
                      const r = results.get(`${s.id}|${c}`);
                      if (!r) return <td key={c} className="cell cell--none" aria-label="not in scope" />;
                      const look = resultLook(r);
                      const open = drill?.standardId === s.id && drill.key === r.key;
                      const content = (
                        <>
                          <span className="cell__figure">{formatFigure(r.figure, unit)}</span>
                          <span className="cell__status">
                            <span aria-hidden="true">{look.icon}</span> {look.text}
                          </span>
                        </>
                      );
                      return (
                        <td key={c} className={`cell cell--${look.tone}${open ? ' cell--open' : ''}`} data-testid={`cell-${s.id}-${c}`} data-status={r.status} title={r.basis}>
                          {mayDrill ? (
                            <button type="button" className="cell__button" onClick={() => setDrill(open ? null : { standardId: s.id, key: r.key })} aria-expanded={open} aria-label={`${s.name}, ${COLUMN_LABEL(c)}: ${formatFigure(r.figure, unit)}, ${look.text}. Show the contacts behind it`}>
                              {content}
                            </button>
                          ) : (
                            <span className="cell__content">{content}</span>
                          )}
                        </td>
                      );
                    })}
                    {mayEdit && (
                      <td>
                        <button type="button" className="button" onClick={() => setEditing(editing === s.id ? null : s.id)} aria-expanded={editing === s.id} data-testid={`edit-${s.id}`}>
                          {editing === s.id ? 'Close' : 'Edit'}
                        </button>
                      </td>
                    )}
                  </tr>,
                  mayEdit && editing === s.id && (
                    <tr key={`${s.id}-editor`} className="standard-editor-row">
                      <td colSpan={COLUMNS.length + 3}>
                        <StandardEditor
                          standard={s}
                          errors={errors}
                          path={`standards.${index}`}
                          onSave={async (next) => {
                            const ok = await save({ ...set, standards: set.standards.map((x) => (x.id === s.id ? next : x)) }, `edited ${s.name} in the console`);
                            if (ok) setEditing(null);
                          }}
                          onCancel={() => (setEditing(null), setErrors(new Map()), setSaveError(null))}
                        />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        )}

        {set && mayDrill && drill && set.standards.some((x) => x.id === drill.standardId) && (
          <DrillPanel
            standard={set.standards.find((x) => x.id === drill.standardId)!}
            cellKey={drill.key}
            timeZone={snapshot.center.timeZone}
            version={evaluation?.at ?? 0}
            onClose={() => setDrill(null)}
          />
        )}

        {set && <CalendarList set={set} errors={errors} now={snapshot.now} onSave={mayEdit ? (next) => save(next, 'business hours edited in the console') : null} />}
      </main>
    </div>
  );
}
