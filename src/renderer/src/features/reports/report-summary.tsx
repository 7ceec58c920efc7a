import type { ReportPreview, ReportSummaryFigures } from '../../../../shared/api';
import { formatCount, formatDateTime, formatDuration, formatPercent } from '../../../../shared/format';
import { CHANNEL_LABEL } from '../floor/channels';

const COLUMNS: { title: string; cell: (f: ReportSummaryFigures) => string }[] = [
  { title: 'Offered', cell: (f) => formatCount(f.offered) },
  { title: 'Answered', cell: (f) => formatCount(f.answered) },
  { title: 'Service level', cell: (f) => formatPercent(f.serviceLevel) },
  { title: 'ASA', cell: (f) => formatDuration(f.asaSeconds) },
  { title: 'Abandon rate', cell: (f) => formatPercent(f.abandonRate) },
  { title: 'AHT', cell: (f) => formatDuration(f.ahtSeconds) },
];

/** The period as built (its label, its bounds in the center's zone) and its summary: the center, then each channel. */
export function ReportSummary({ preview }: { preview: ReportPreview }) {
  const { period } = preview;
  return (
    <section className="panel report-summary" aria-labelledby="report-summary-title" data-testid="report-summary">
      <h2 className="panel__title" id="report-summary-title">
        {period.label}
        <span className="report-summary__bounds" data-testid="report-bounds">
          {formatDateTime(period.from, period.timeZone)} – {formatDateTime(period.to, period.timeZone)} ({period.timeZone})
        </span>
      </h2>
      {preview.empty ? (
        <p className="report-summary__empty" data-testid="report-empty">
          No contact entered a queue in this period and scope: the files will say so.
        </p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Figures</th>
              {COLUMNS.map((c) => (
                <th key={c.title} scope="col" className="num">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[{ key: 'center', label: 'Center', figures: preview.center as ReportSummaryFigures }, ...preview.channels.map((c) => ({ key: c.channel, label: CHANNEL_LABEL[c.channel], figures: c }))].map((row) => (
              <tr key={row.key} data-testid="report-row" data-row={row.key} className={row.key === 'center' ? 'report-table__total' : undefined}>
                <th scope="row" className="report-table__label">
                  {row.label}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.title} className="num">
                    {c.cell(row.figures)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
