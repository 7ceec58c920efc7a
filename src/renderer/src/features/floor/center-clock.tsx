import { formatDate, formatTimeOfDay } from '../../../../shared/format';

/** The center's time, not the viewer's: a wallboard in another zone still shows the floor's day. */
export function CenterClock({ now, timeZone }: { now: number; timeZone: string }) {
  return (
    <div className="center-clock" title={`Center time (${timeZone})`}>
      <time className="center-clock__time" data-testid="center-clock" dateTime={new Date(now).toISOString()}>
        {formatTimeOfDay(now, timeZone)}
      </time>
      <span className="center-clock__date">
        {formatDate(now, timeZone)}<span className="center-clock__zone"> · {timeZone}</span>
      </span>
    </div>
  );
}
