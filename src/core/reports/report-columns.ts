/**
 * The figure columns every section of a report shares, in order, with their kind: a count, a share (0-1), a
 * duration in seconds or a score (NPS, -100 to 100). The CSV files name them (`name`, stable: docs/reports.md), the
 * XLSX sheets title them and format each kind (counts `#,##0`, shares `0.0%`, durations `[h]:mm:ss`, scores `0.0`).
 * The families beyond responsiveness come after the first fourteen, so no earlier column moved.
 */
import type { ReportFigures } from './report-model';

export type FigureKind = 'count' | 'share' | 'seconds' | 'score';

export interface FigureColumn {
  name: string;
  title: string;
  kind: FigureKind;
  get: (f: ReportFigures) => number | null;
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { name: 'offered', title: 'Offered', kind: 'count', get: (f) => f.offered },
  { name: 'answered', title: 'Answered', kind: 'count', get: (f) => f.answered },
  { name: 'abandoned', title: 'Abandoned', kind: 'count', get: (f) => f.abandoned },
  { name: 'short_abandoned', title: 'Short abandons', kind: 'count', get: (f) => f.shortAbandoned },
  { name: 'left_otherwise', title: 'Left otherwise', kind: 'count', get: (f) => f.leftOtherwise },
  { name: 'waiting', title: 'Still waiting', kind: 'count', get: (f) => f.waiting },
  { name: 'answered_within_threshold', title: 'Answered within T', kind: 'count', get: (f) => f.answeredWithinThreshold },
  { name: 'service_level', title: 'Service level', kind: 'share', get: (f) => f.serviceLevel },
  { name: 'asa_seconds', title: 'ASA', kind: 'seconds', get: (f) => f.asaSeconds },
  { name: 'abandon_rate', title: 'Abandon rate', kind: 'share', get: (f) => f.abandonRate },
  { name: 'aht_seconds', title: 'AHT', kind: 'seconds', get: (f) => f.ahtSeconds },
  { name: 'longest_wait_seconds', title: 'Longest wait', kind: 'seconds', get: (f) => f.longestWaitSeconds },
  { name: 'first_responses', title: 'First responses', kind: 'count', get: (f) => f.firstResponses },
  { name: 'first_response_seconds', title: 'First response time', kind: 'seconds', get: (f) => f.avgFirstResponseSeconds },
];

const column = (name: string, title: string, kind: FigureKind, get: FigureColumn['get']): FigureColumn => ({ name, title, kind, get });

/** Handling, customer outcomes and agent time, each beside its basis (docs/metrics.md). */
const FAMILY_COLUMNS: readonly FigureColumn[] = [
  column('handled', 'Handled', 'count', (f) => f.handled),
  column('csat', 'CSAT', 'share', (f) => f.csat),
  column('csat_answers', 'CSAT answers', 'count', (f) => f.csatAnswers),
  column('nps', 'NPS', 'score', (f) => f.nps),
  column('nps_answers', 'NPS answers', 'count', (f) => f.npsAnswers),
  column('fcr', 'FCR', 'share', (f) => f.fcr),
  column('resolved', 'Resolved', 'count', (f) => f.resolved),
  column('staffed_seconds', 'Staffed', 'seconds', (f) => f.staffedSeconds),
  column('occupancy', 'Occupancy', 'share', (f) => f.occupancy),
  column('not_ready_share', 'Not-ready share', 'share', (f) => f.notReadyShare),
];

/** Every figure column of the CSV files and the XLSX sheets, in order. */
export const REPORT_COLUMNS: readonly FigureColumn[] = [...FIGURE_COLUMNS, ...FAMILY_COLUMNS];
