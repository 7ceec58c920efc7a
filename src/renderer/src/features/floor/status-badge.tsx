import type { StatusVerdict } from './status';

/** The status in words and shape; the tile's color repeats it for those who can see it. */
export function StatusBadge({ verdict }: { verdict: StatusVerdict }) {
  return (
    <span className={`badge status-badge status-badge--${verdict.status}`} data-testid="status">
      <span aria-hidden="true">{verdict.icon}</span> {verdict.text}
    </span>
  );
}
