import { useState } from 'react';
import type { FeedStatus } from '../../../../shared/api';
import { useClient } from '../../api/client-context';
import { formatCount, formatTimeOfDay, NONE } from '../../../../shared/format';
import {
  errorText,
  FEED_STATE_LOOK,
  FORMAT_LABEL,
  formatRate,
  ignoredEntries,
  ignoredTotal,
  lastEventText,
  mappingText,
  shortPath,
  staleDetail,
} from './feed-look';

/** What a row action changed, so the screen can show it before the next pushed snapshot. */
export type FeedChange = { kind: 'status'; status: FeedStatus } | { kind: 'removed'; name: string };

interface FeedTableProps {
  feeds: FeedStatus[];
  /** The center clock: "12 s ago" is measured on it, like the floor's last event. */
  now: number;
  timeZone: string;
  /** The floor is the built-in simulated one (`--simulate`): its events come from no feed. */
  simulated: boolean;
  /** The feed whose quarantined lines are listed below, if one is. */
  selected: string | null;
  onShowQuarantine: (name: string) => void;
  onChange: (change: FeedChange) => void;
}

export function FeedTable({ feeds, now, timeZone, simulated, selected, onShowQuarantine, onChange }: FeedTableProps) {
  if (feeds.length === 0) {
    return (
      <p className="empty" data-testid="feeds-empty">
        {simulated
          ? 'No feeds yet: the floor shows the built-in simulated center (the host was started with --simulate), whose events come from no feed. '
          : 'No feeds yet. '}
        Add one below: a queue_log or NDJSON file to follow, or a webhook for Twilio TaskRouter or NDJSON.
      </p>
    );
  }
  return (
    <div className="feed-table__scroll">
      <table className="feed-table" data-testid="feeds-table">
        <caption className="visually-hidden">Feeds, their state and what they delivered</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Source</th>
            <th scope="col">State</th>
            <th scope="col">Last event</th>
            <th scope="col" className="num">
              Events/min
            </th>
            <th scope="col" className="num">
              Accepted
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
            <th scope="col" className="num">
              Quarantined
            </th>
            <th scope="col" className="num" title="Webhook requests refused: bad signature or token">
              Rejected
            </th>
            <th scope="col" className="num" title="Lines read but carrying nothing for the floor (heartbeats, unknown verbs…)">
              Ignored
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <FeedRow
              key={feed.name}
              feed={feed}
              now={now}
              timeZone={timeZone}
              selected={selected === feed.name}
              onShowQuarantine={onShowQuarantine}
              onChange={onChange}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FeedRowProps {
  feed: FeedStatus;
  now: number;
  timeZone: string;
  selected: boolean;
  onShowQuarantine: (name: string) => void;
  onChange: (change: FeedChange) => void;
}

function FeedRow({ feed, now, timeZone, selected, onShowQuarantine, onChange }: FeedRowProps) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const look = FEED_STATE_LOOK[feed.state] ?? FEED_STATE_LOOK.error;
  const name = feed.name;

  const run = async (action: () => Promise<FeedChange>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
      setConfirming(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const pause = () => run(async () => ({ kind: 'status', status: await client.call('feeds/pause', { name }) }));
  const resume = () => run(async () => ({ kind: 'status', status: await client.call('feeds/resume', { name }) }));
  const remove = () =>
    run(async () => {
      await client.call('feeds/remove', { name });
      return { kind: 'removed', name };
    });

  const ignored = ignoredTotal(feed.ignored);
  const source = feed.kind === 'file' ? feed.path : feed.webhookPath;
  const mapping = mappingText(feed.mapping);
  const classes = ['feed-row', `feed-row--${feed.state}`, feed.stale ? 'feed-row--stale' : '', selected ? 'feed-row--selected' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <tr className={classes} data-testid={`feed-row-${name}`} data-state={feed.state} data-stale={feed.stale ? 'true' : 'false'}>
      <th scope="row" className="feed-row__name">
        {name}
      </th>
      <td>
        <div className="feed-row__source">
          <span className="feed-row__kind">
            {feed.kind === 'file' ? 'File' : 'Webhook'} · <span title={FORMAT_LABEL[feed.format]}>{feed.format}</span>
          </span>
          <code className="feed-row__path" title={source ?? undefined} data-testid={`feed-source-${name}`}>
            {source == null ? NONE : feed.kind === 'webhook' ? `POST ${source}` : shortPath(source)}
          </code>
          {mapping && (
            <small className="feed-row__mapping" data-testid={`feed-mapping-${name}`} title="How this feed counts abandons">
              {mapping}
            </small>
          )}
        </div>
      </td>
      <td>
        <div className="feed-row__state">
          <span className={`pill feed-state feed-state--${look.tone}`} data-testid={`feed-state-${name}`} data-state={feed.state}>
            <span aria-hidden="true">{look.icon}</span> {look.label}
          </span>
          {feed.stale && (
            <span className="feed-stale" data-testid={`feed-stale-${name}`} title={`No events within the ${feed.heartbeatSeconds} s heartbeat`}>
              <span className="feed-stale__word">
                <span aria-hidden="true">⚠</span> STALE
              </span>{' '}
              <span className="feed-stale__detail">{staleDetail(feed, now)}</span>
            </span>
          )}
          {feed.message && (
            <span className="feed-row__message" data-testid={`feed-message-${name}`}>
              {feed.message}
            </span>
          )}
        </div>
      </td>
      <td data-testid={`feed-last-event-${name}`} title={feed.lastEventAt == null ? undefined : `${formatTimeOfDay(feed.lastEventAt, timeZone)} center time`}>
        {lastEventText(feed.lastEventAt, now)}
      </td>
      <td className="num" data-testid={`feed-rate-${name}`}>
        {formatRate(feed.eventsPerMinute)}
      </td>
      <td className="num" data-testid={`feed-accepted-${name}`}>
        {formatCount(feed.accepted)}
      </td>
      <td className="num" data-testid={`feed-duplicates-${name}`}>
        {formatCount(feed.duplicates)}
      </td>
      <td className="num">
        <button
          type="button"
          className={`link-button ${feed.quarantined > 0 ? 'text-warn' : 'link-button--quiet'}`}
          data-testid={`feed-quarantined-${name}`}
          aria-label={`${formatCount(feed.quarantined)} quarantined: show the quarantined lines of ${name}`}
          aria-pressed={selected}
          onClick={() => onShowQuarantine(name)}
        >
          {feed.quarantined > 0 && <span aria-hidden="true">⚠ </span>}
          {formatCount(feed.quarantined)}
        </button>
      </td>
      <td className="num" data-testid={`feed-rejected-${name}`}>
        {feed.kind === 'webhook' ? formatCount(feed.rejected) : NONE}
      </td>
      <td className="num" data-testid={`feed-ignored-${name}`}>
        <IgnoredCell ignored={feed.ignored} total={ignored} />
      </td>
      <td className="feed-row__actions">
        {confirming ? (
          <span className="confirm" role="group" aria-label={`Confirm removing ${name}`}>
            <span className="confirm__question">Remove {name}?</span>
            <button type="button" className="button button--danger" data-testid={`feed-remove-confirm-${name}`} disabled={busy} onClick={remove}>
              Yes, remove
            </button>
            <button type="button" className="button" data-testid={`feed-remove-cancel-${name}`} disabled={busy} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <>
            {feed.state === 'paused' ? (
              <button type="button" className="button" data-testid={`feed-resume-${name}`} disabled={busy} onClick={resume}>
                <span aria-hidden="true">▶</span> Resume
              </button>
            ) : (
              <button type="button" className="button" data-testid={`feed-pause-${name}`} disabled={busy} onClick={pause}>
                <span aria-hidden="true">❚❚</span> Pause
              </button>
            )}
            <button type="button" className="button" data-testid={`feed-remove-${name}`} disabled={busy} onClick={() => setConfirming(true)}>
              <span aria-hidden="true">✖</span> Remove…
            </button>
          </>
        )}
        {error && (
          <span className="field-error" role="alert" data-testid={`feed-action-error-${name}`}>
            {error}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The total, with the count of each kind on hover and, for keyboard and touch, in a disclosure. */
function IgnoredCell({ ignored, total }: { ignored: Record<string, number>; total: number }) {
  const entries = ignoredEntries(ignored);
  if (entries.length === 0) return <>{formatCount(total)}</>;
  const detail = entries.map(([kind, n]) => `${kind}: ${formatCount(n)}`).join('\n');
  return (
    <details className="ignored" title={detail}>
      <summary>{formatCount(total)}</summary>
      <ul className="ignored__list">
        {entries.map(([kind, n]) => (
          <li key={kind}>
            <span className="ignored__kind">{kind}</span> <strong>{formatCount(n)}</strong>
          </li>
        ))}
      </ul>
    </details>
  );
}
