/**
 * The feeds a report's figures came from and their gaps in the period (the cover). Every source that wrote lines is
 * listed: a configured feed (file tail or webhook) with its heartbeat and abandon mapping, else an import (history
 * files: their lines arrived when imported, not in the period, so they are not judged for silence).
 *
 * Stale spans: the store keeps no record of a feed's health over time, so they are read from when its lines arrived
 * (stored blocks, one receipt a batch, and quarantined lines: store/source-receipts.ts). The silence clock runs in
 * published hours only (any calendar of the standards in force; all hours without one) from the later of the period's
 * start and the feed's creation to the earlier of its end and now: once a feed has been silent for more than its
 * heartbeat of open time, it is stale until its next line, as the live floor's stale flag (feeds/feed-manager.ts)
 * would have said within those hours. Quarantined lines are counted by when they were received.
 */
import type { StoreReader } from '../store/store';

export interface Span {
  start: number;
  end: number;
}

export interface ReportFeed {
  name: string;
  kind: 'file' | 'webhook' | 'import';
  format: string;
  /** Silence beyond this is stale; null for an import. */
  heartbeatSeconds: number | null;
  /** The feed's abandon mapping as configured (JSON); null for an import, "{}" for the format's default. */
  abandonMapping: string | null;
  pausedNow: boolean;
  /** Stale spans within published hours; null when not judged (an import, or the feed did not exist in the period). */
  staleSpans: Span[] | null;
  staleSeconds: number | null;
  quarantinedInPeriod: number;
  /** Every line the source ever quarantined (an import's lines were received when imported, not in the period). */
  quarantinedAll: number;
}

/** Spans (any order, overlapping) merged into disjoint ones, in order. */
export function unionOf(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Where, within `span`, the open time (`open`: disjoint spans in order) since the last receipt exceeded
 * `heartbeatMs`: the stale spans, in order. A receipt ends a silence; the span's start begins one.
 */
export function staleSpans(receipts: readonly number[], span: Span, open: readonly Span[], heartbeatMs: number): Span[] {
  const marks = [span.start, ...receipts.filter((t) => t >= span.start && t < span.end), span.end];
  const out: Span[] = [];
  let k = 0;
  for (let m = 0; m + 1 < marks.length; m++) {
    const [a, b] = [marks[m], marks[m + 1]];
    let silentMs = 0;
    while (k < open.length && open[k].end <= a) k++;
    for (let j = k; j < open.length && open[j].start < b; j++) {
      const start = Math.max(a, open[j].start);
      const end = Math.min(b, open[j].end);
      if (end <= start) continue;
      if (silentMs + (end - start) > heartbeatMs) {
        const from = start + Math.max(0, heartbeatMs - silentMs);
        const last = out.at(-1);
        if (last && last.end === from) last.end = end;
        else out.push({ start: from, end });
      }
      silentMs += end - start;
    }
  }
  return out;
}

export function reportFeeds(
  store: Pick<StoreReader, 'feeds' | 'sources' | 'linesReceivedBetween' | 'quarantinedBetween' | 'quarantinedCount'>,
  o: { from: number; to: number; now: number; open: readonly Span[] | null },
): ReportFeed[] {
  const configured = store.feeds();
  const names = new Set(configured.map((f) => f.name));
  const quarantine = (name: string) => ({ quarantinedInPeriod: store.quarantinedBetween(name, o.from, o.to), quarantinedAll: store.quarantinedCount(name) });
  const feeds = configured.map((f): ReportFeed => {
    const span = { start: Math.max(o.from, f.createdAt), end: Math.min(o.to, o.now) };
    const judged = span.end > span.start;
    const open = o.open ?? [span];
    const spans = judged ? staleSpans(store.linesReceivedBetween(f.name, span.start, span.end), span, open, f.heartbeatSeconds * 1000) : null;
    return {
      name: f.name,
      kind: f.kind,
      format: f.format,
      heartbeatSeconds: f.heartbeatSeconds,
      abandonMapping: f.mapping,
      pausedNow: f.paused,
      staleSpans: spans,
      staleSeconds: spans === null ? null : spans.reduce((n, s) => n + s.end - s.start, 0) / 1000,
      ...quarantine(f.name),
    };
  });
  const imports = store
    .sources()
    .filter((s) => !names.has(s.name))
    .map((s): ReportFeed => ({ name: s.name, kind: 'import', format: s.format, heartbeatSeconds: null, abandonMapping: null, pausedNow: false, staleSpans: null, staleSeconds: null, ...quarantine(s.name) }));
  return [...feeds, ...imports];
}
