import type { StandardsEvaluation } from '../../../../shared/standards';
import { formatDate, formatHourMinute } from '../../../../shared/format';

/**
 * Just after the host started, the last days are still being read into memory (core/metrics/week-fill.ts): the
 * standards over the week have no figure yet. Said once, over the views that show them, instead of figures made
 * of part of the week.
 */
export function WeekLoading({ standards, timeZone }: { standards: StandardsEvaluation | null; timeZone: string }) {
  if (standards?.loadingFrom === undefined) return null;
  return (
    <div className="banner banner--info" role="status" data-testid="week-loading">
      <span className="banner__icon" aria-hidden="true">
        …
      </span>
      <span>Loading the last 7 days: read back to {formatDate(standards.loadingFrom, timeZone)} {formatHourMinute(standards.loadingFrom, timeZone)}; the week&apos;s standards show no figure until then</span>
    </div>
  );
}
