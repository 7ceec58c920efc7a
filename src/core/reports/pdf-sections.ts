/**
 * The PDF's sections beyond the figures tables: what changed, handling and outcomes by channel and by queue (the
 * families the wide figures tables leave out, to stay readable), the standards and their tiers, the periods before,
 * the abandons by time waited, the alerts and the agents (when the report has them). Each is rows of text for a table whose
 * column widths are given as shares of the page (pdf-table.ts breaks it across pages).
 */
import { STANDARD_METRICS } from '../../shared/standards';
import { formatCount, formatDateTime, formatDuration, formatPercent, NONE } from '../../shared/format';
import { CHANNEL_LABEL, dayLabel } from './pdf-chart';
import { WORST_MIN_OFFERED } from './report-attainment';
import type { TableColumn } from './pdf-table';
import type { Report, ReportFigures } from './report-model';

export interface PdfSection {
  title: string;
  /** Columns with widths as shares of the page's width (they add up to 1). */
  columns: TableColumn[];
  rows: string[][];
  /** The row shown when there are none. */
  empty: string;
}

const col = (title: string, share: number, align: 'left' | 'right' = 'left'): TableColumn => ({ title, width: share, align });
const TIER_WORDS: Record<string, string> = { breach: 'below expected', expected: 'expected', desired: 'desired', delight: 'delight', 'no-data': 'no data' };

function figureOf(metric: keyof typeof STANDARD_METRICS | undefined, figure: number | null): string {
  if (figure === null || metric === undefined) return NONE;
  const unit = STANDARD_METRICS[metric].unit;
  return unit === 'share' ? formatPercent(figure, 1) : unit === 'seconds' ? formatDuration(figure) : String(Math.round(figure * 10) / 10);
}

/** A family's figure with its basis, "82.0% of 1,234": a figure alone hides how little it may rest on. */
const ofBasis = (figure: string, basis: number) => (basis > 0 ? `${figure} of ${formatCount(basis)}` : NONE);
const npsText = (f: ReportFigures) => (f.nps === null ? NONE : f.nps.toFixed(1));
const familyCells = (f: ReportFigures) => [ofBasis(formatDuration(f.ahtSeconds), f.handled), ofBasis(formatPercent(f.csat, 1), f.csatAnswers), ofBasis(npsText(f), f.npsAnswers), ofBasis(formatPercent(f.fcr, 1), f.resolved)];
const familyColumns = [col('AHT (of handled)', 0.16, 'right'), col('CSAT (of answers)', 0.16, 'right'), col('NPS (of answers)', 0.14, 'right'), col('FCR (of resolved)', 0.14, 'right')];

/** Each channel's attainment of its standards, the consistency index over them, and the worst channel's driver. */
function consistencySection(r: Report): PdfSection {
  const c = r.attainment.consistency;
  return {
    title: `Consistency across channels: index ${formatPercent(c.index, 1)}${c.worst ? `; furthest from its standards: ${CHANNEL_LABEL[c.worst.channel]}, driver ${c.worst.driver}` : ''}`,
    columns: [col('Channel', 0.16), col('Attainment', 0.12, 'right'), col('Offered', 0.12, 'right'), col('Standards measured', 0.14, 'right'), col('Why (the worst channel)', 0.46)],
    rows: c.channels.map((x) => [CHANNEL_LABEL[x.channel], formatPercent(x.attainment, 1), formatCount(x.offered), formatCount(x.measured), c.worst?.channel === x.channel ? c.worst.detail : '']),
    empty: 'No channel measured.',
  };
}

/** A summary figure's tier by the center's standard on its metric ("below expected"), else nothing. */
export function summaryTier(r: Report, column: string): string {
  const j = r.attainment.summary.find((x) => x.column === column);
  return j ? (TIER_WORDS[j.status] ?? j.status) : '';
}

export function pdfSections(r: Report): PdfSection[] {
  const zone = r.period.timeZone;
  const e = r.standards.evaluation;
  const sections: PdfSection[] = [
    { title: 'What changed', columns: [col('Finding', 0.88), col('See', 0.12)], rows: r.findings.map((f) => [f.text, f.section]), empty: 'Nothing to report.' },
    {
      title: 'By channel: handling, outcomes and agent time',
      columns: [col('Channel', 0.16), ...familyColumns, col('Occupancy', 0.12, 'right'), col('Not-ready share', 0.12, 'right')],
      rows: r.channels.map((c) => [CHANNEL_LABEL[c.channel], ...familyCells(c), formatPercent(c.occupancy, 1), formatPercent(c.notReadyShare, 1)]),
      empty: 'No contact in this period.',
    },
    {
      // no agent time per queue: agents are not assigned to queues
      title: 'By queue: handling and outcomes',
      columns: [col('Queue', 0.28), col('Channel', 0.12), ...familyColumns],
      rows: r.queues.map((q) => [q.queue, CHANNEL_LABEL[q.channel], ...familyCells(q)]),
      empty: 'No contact in this period.',
    },
    {
      title: `Standards (version ${r.standards.version}, ${r.standards.judgedBy})`,
      columns: [col('Standard', 0.3), col('Column', 0.12), col('Figure', 0.08, 'right'), col('Tier', 0.1), col('Basis', 0.4)],
      // the standards measured (one with no contact in the period is left out: the CSV and XLSX list every one)
      rows: e.results.filter((x) => x.figure !== null).map((x) => {
        const def = e.definitions?.[x.standardId];
        return [def?.name ?? x.standardId, x.key.replace(/^queue:/, ''), figureOf(def?.metric, x.figure), TIER_WORDS[x.status] ?? x.status, x.basis];
      }),
      empty: 'No standard measured.',
    },
    consistencySection(r),
    {
      title: 'The periods before',
      columns: [col('Period', 0.28), col('Offered', 0.12, 'right'), col('Answered', 0.12, 'right'), col('Abandoned', 0.12, 'right'), col('Service level', 0.12, 'right'), col('ASA', 0.12, 'right'), col('Abandon rate', 0.12, 'right')],
      rows: r.trend.map((t) => [t.label, formatCount(t.figures.offered), formatCount(t.figures.answered), formatCount(t.figures.abandoned), formatPercent(t.figures.serviceLevel, 1), formatDuration(t.figures.asaSeconds), formatPercent(t.figures.abandonRate, 1)]),
      empty: 'No earlier period.',
    },
    {
      title: 'Abandons by time waited',
      columns: [col('Channel', 0.25), col('Waited', 0.25), col('Abandoned', 0.25, 'right'), col('Short abandons', 0.25)],
      rows: r.abandons.filter((b) => b.abandoned > 0).map((b) => [CHANNEL_LABEL[b.channel], b.waited, formatCount(b.abandoned), b.short ? 'yes' : '']),
      empty: 'No abandon in this period.',
    },
    {
      title: 'Alerts',
      columns: [col('Standard', 0.3), col('Column', 0.14), col('Breach started', 0.18), col('Resolved', 0.18), col('In the period', 0.2, 'right')],
      rows: r.alerts.map((a) => [a.standard, a.key.replace(/^queue:/, ''), formatDateTime(a.breachStartedAt, zone), a.resolvedAt === null ? 'still open' : formatDateTime(a.resolvedAt, zone), formatDuration(a.secondsInPeriod)]),
      empty: 'No alert in this period.',
    },
    {
      title: `The worst 30-minute intervals (by service level, of those with ${WORST_MIN_OFFERED} contacts or more)`,
      columns: [col('Day', 0.2), col('Start', 0.1), col('Channel', 0.14), col('Offered', 0.14, 'right'), col('Abandoned', 0.14, 'right'), col('Service level', 0.14, 'right'), col('ASA', 0.14, 'right')],
      rows: r.attainment.worstIntervals.map((i) => [`${dayLabel(i.day)} ${i.day.slice(0, 4)}`, i.start, CHANNEL_LABEL[i.channel], formatCount(i.offered), formatCount(i.abandoned), formatPercent(i.serviceLevel, 1), formatDuration(i.asaSeconds)]),
      empty: 'No interval with enough contacts.',
    },
  ];
  if (r.agents !== null) {
    sections.push({
      title: 'Agents',
      columns: [col('Agent', 0.3), col('Handled', 0.1, 'right'), col('AHT', 0.12, 'right'), col('ACW per contact', 0.12, 'right'), col('Occupancy', 0.12, 'right'), col('Staffed', 0.12, 'right'), col('Not-ready share', 0.12, 'right')],
      rows: r.agents.map((a) => [a.name, formatCount(a.handled), formatDuration(a.ahtSeconds), formatDuration(a.acwPerContactSeconds), formatPercent(a.occupancy, 1), formatDuration(a.staffedSeconds), formatPercent(a.notReadyShare, 1)]),
      empty: 'No agent time in this period.',
    });
  }
  return sections;
}
