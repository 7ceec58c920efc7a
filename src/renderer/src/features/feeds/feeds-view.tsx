import { useMemo, useRef, useState } from 'react';
import type { FeedStatus, FloorSnapshot } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { FloorHeader } from '../floor/floor-header';
import { FeedForm } from './feed-form';
import { FeedTable, type FeedChange } from './feed-table';
import { ImportPanel } from './import-panel';
import { QuarantineList } from './quarantine-list';
import './feeds.css';

interface FeedsViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
  /** Lines per import batch (tests use small batches). */
  importBatchLines?: number;
}

/**
 * What this screen changed, shown until the next pushed snapshot: an answered pause reads "Paused" at once
 * instead of after the next push. Kept against the `feeds` array it was made on, so any newer snapshot,
 * which already includes the change, replaces it.
 */
interface LocalChanges {
  base: FeedStatus[];
  upserts: Map<string, FeedStatus>;
  removed: Set<string>;
}

function applyLocal(feeds: FeedStatus[], local: LocalChanges | null): FeedStatus[] {
  if (!local || local.base !== feeds) return feeds;
  const out = feeds.filter((f) => !local.removed.has(f.name)).map((f) => local.upserts.get(f.name) ?? f);
  for (const [name, status] of local.upserts) if (!local.removed.has(name) && !feeds.some((f) => f.name === name)) out.push(status);
  return out;
}

const byName = (a: FeedStatus, b: FeedStatus) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

export function FeedsView({ snapshot, connection, receivedAt, importBatchLines }: FeedsViewProps) {
  // An older host sends no feeds: the screen still works, with none listed.
  const pushed = useMemo(() => snapshot.feeds ?? [], [snapshot.feeds]);
  const [local, setLocal] = useState<LocalChanges | null>(null);
  const [quarantineSource, setQuarantineSource] = useState<string | null>(null);
  const quarantineRef = useRef<HTMLDivElement>(null);

  const feeds = useMemo(() => [...applyLocal(pushed, local)].sort(byName), [pushed, local]);
  const names = useMemo(() => feeds.map((f) => f.name), [feeds]);
  const stale = feeds.filter((f) => f.stale);
  const failing = feeds.filter((f) => f.state === 'error');

  const record = (change: FeedChange | { kind: 'added'; status: FeedStatus }) => {
    setLocal((current) => {
      const next: LocalChanges =
        current && current.base === pushed
          ? { base: pushed, upserts: new Map(current.upserts), removed: new Set(current.removed) }
          : { base: pushed, upserts: new Map(), removed: new Set() };
      if (change.kind === 'removed') {
        next.removed.add(change.name);
        next.upserts.delete(change.name);
      } else {
        next.upserts.set(change.status.name, change.status);
        next.removed.delete(change.status.name);
      }
      return next;
    });
    if (change.kind === 'removed' && quarantineSource === change.name) setQuarantineSource(null);
  };

  const showQuarantine = (source: string) => {
    setQuarantineSource(source);
    quarantineRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };

  const selectedFeed = feeds.find((f) => f.name === quarantineSource);
  const quarantineKey = quarantineSource == null ? (snapshot.ingest?.quarantined ?? 0) : (selectedFeed?.quarantined ?? 0);

  return (
    <div className="floor feeds-screen" data-testid="feeds-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="feeds" />
      <div className="banners">
        {stale.length > 0 && (
          <div className="banner banner--alert" role="alert" data-testid="feeds-stale-banner">
            <span className="banner__icon" aria-hidden="true">
              ⚠
            </span>
            {stale.length === 1 ? `Feed ${stale[0].name} is STALE` : `${stale.length} feeds are STALE: ${stale.map((f) => f.name).join(', ')}`} — figures
            from {stale.length === 1 ? 'it' : 'them'} may be out of date
          </div>
        )}
        {failing.length > 0 && (
          <div className="banner banner--warn" role="status" data-testid="feeds-error-banner">
            <span className="banner__icon" aria-hidden="true">
              ✖
            </span>
            {failing.map((f) => `${f.name}: ${f.message ?? 'error'}`).join(' · ')}
          </div>
        )}
      </div>
      <main className="feeds-main">
        <section className="panel feeds-panel" aria-labelledby="feeds-title">
          <h2 className="panel__title" id="feeds-title">
            Feeds <span className="panel__hint">live: updated with every snapshot</span>
          </h2>
          <FeedTable
            feeds={feeds}
            now={snapshot.now}
            timeZone={snapshot.center.timeZone}
            simulated={snapshot.simulated}
            selected={quarantineSource}
            onShowQuarantine={showQuarantine}
            onChange={record}
          />
        </section>
        <div className="feeds-columns">
          <section className="panel">
            <FeedForm existing={names} onAdded={(status) => record({ kind: 'added', status })} />
          </section>
          <ImportPanel onShowQuarantine={showQuarantine} batchLines={importBatchLines} />
        </div>
        <div ref={quarantineRef}>
          <QuarantineList
            source={quarantineSource}
            onSourceChange={setQuarantineSource}
            sources={names}
            refreshKey={quarantineKey}
            timeZone={snapshot.center.timeZone}
          />
        </div>
      </main>
    </div>
  );
}
