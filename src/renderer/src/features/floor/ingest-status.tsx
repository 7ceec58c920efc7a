import type { IngestTotals } from '../../../../shared/api';
import { formatCount } from '../../../../shared/format';

/** Lines taken in, and under them the lines quarantined (highlighted when any): two short lines keep the header on one row. */
export function IngestStatus({ ingest }: { ingest: IngestTotals }) {
  return (
    <div className="header-item ingest-status" title={`${formatCount(ingest.duplicates)} duplicates ignored`}>
      <span className="header-item__label">Ingest</span>
      <span className="header-item__value">
        <span data-testid="ingest-accepted">{formatCount(ingest.accepted)}</span> ok
      </span>
      <span className={`header-item__sub${ingest.quarantined > 0 ? ' text-warn' : ''}`}>
        <span data-testid="ingest-quarantined">
          {ingest.quarantined > 0 && <span aria-hidden="true">⚠ </span>}
          {formatCount(ingest.quarantined)}
        </span>{' '}
        quarantined
      </span>
    </div>
  );
}
