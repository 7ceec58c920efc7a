import type { IngestTotals } from '../../../../shared/api';
import { formatCount } from '../../../../shared/format';

/** Quarantined lines are events the figures do not include: say how many, and the latest reason. */
export function QuarantineWarning({ ingest }: { ingest: IngestTotals }) {
  if (ingest.quarantined <= 0) return null;
  const last = ingest.lastQuarantine;
  const lines = ingest.quarantined === 1 ? 'line' : 'lines';
  return (
    <div className="banner banner--warn" role="status" data-testid="quarantine-warning">
      <span className="banner__icon" aria-hidden="true">
        ⚠
      </span>
      {/* one run of text: the banner lays out its children side by side, and the line's place would stand apart */}
      <span>
        {formatCount(ingest.quarantined)} feed {lines} quarantined, not counted
        {last && (
          <>
            {' '}
            — last: <code>
              {last.source}:{last.position}
            </code>{' '}
            {last.reason}
          </>
        )}
      </span>
    </div>
  );
}
