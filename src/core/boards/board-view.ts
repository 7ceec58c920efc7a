/**
 * A board's view of a floor snapshot: only what its tiles show, so a screen's token carries nothing else of the
 * floor. Channels of its channel tiles (all four with a headline tile), queues of its queue tiles, the standards'
 * results of the cells its tiles are judged by, agents only with an `agents` tile (without their names unless the
 * board shows them: the dispatcher's viewer view then gives them pseudonyms by id), the contacts at risk only with
 * a `waiting` tile, the intervals only with an `intraday` tile, alerts only with an `alerts` tile; never a path, a
 * raw line or a feed. Pure, and a filter of each list with the board's scope worked out once per board: it runs
 * once per push per board.
 */
import { AGENT_STATES, CHANNELS, type AgentState, type Channel, type FloorSnapshot } from '../../shared/api';
import type { Board, TileKind } from '../../shared/boards';
import type { StandardsEvaluation } from '../../shared/standards';

/** What a board's tiles show, worked out once per board. */
interface BoardScope {
  channels: Set<Channel>;
  queues: Set<string>;
  /** Standards' result keys (`standardId` + column) a standard tile shows. */
  cells: Set<string>;
  /** Result columns its channel, queue and headline tiles are judged by ('center', a channel, 'queue:NAME'). */
  columns: Set<string>;
  headline: boolean;
  agents: boolean;
  waiting: boolean;
  intraday: boolean;
  alerts: boolean;
}

const NO_AGENTS: Record<AgentState, number> = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
const NO_INGEST: FloorSnapshot['ingest'] = { accepted: 0, duplicates: 0, quarantined: 0, lastQuarantine: null };

const scopes = new WeakMap<Board, BoardScope>();

function scopeOf(board: Board): BoardScope {
  let scope = scopes.get(board);
  if (scope) return scope;
  const tiles = board.pages.flatMap((p) => p.tiles);
  const has = (kind: TileKind) => tiles.some((t) => t.kind === kind);
  const headline = has('headline');
  const channels = new Set<Channel>(headline ? CHANNELS : tiles.flatMap((t) => (t.kind === 'channel' && t.channel ? [t.channel] : [])));
  const queues = new Set(tiles.flatMap((t) => (t.kind === 'queue' && t.queue ? [t.queue] : [])));
  const columns = new Set<string>([...channels, ...[...queues].map((q) => `queue:${q}`), ...(headline ? ['center'] : [])]);
  const cells = new Set(tiles.flatMap((t) => (t.kind === 'standard' ? [`${t.standardId}\n${t.standardKey}`] : [])));
  scope = { channels, queues, cells, columns, headline, agents: has('agents'), waiting: has('waiting'), intraday: has('intraday'), alerts: has('alerts') };
  scopes.set(board, scope);
  return scope;
}

function boardStandards(e: StandardsEvaluation, scope: BoardScope, judged: Set<Channel>): StandardsEvaluation {
  const results = e.results.filter((r) => scope.columns.has(r.key) || scope.cells.has(`${r.standardId}\n${r.key}`));
  const shown = new Set(results.map((r) => r.standardId));
  const definitions = e.definitions && Object.fromEntries(Object.entries(e.definitions).filter(([id]) => shown.has(id)));
  return {
    at: e.at,
    version: e.version,
    results,
    ...(definitions ? { definitions } : {}),
    channels: e.channels.filter((c) => scope.channels.has(c.channel)),
    consistencyIndex: scope.headline ? e.consistencyIndex : null,
    atRisk: scope.waiting ? e.atRisk : [],
    notReadyByReason: [],
    hours: e.hours.filter((h) => judged.has(h.channel)),
    ...(e.serviceTargets ? { serviceTargets: e.serviceTargets.filter((t) => judged.has(t.channel)) } : {}),
    worst: scope.headline ? e.worst : null,
    staffing: e.staffing.filter((n) => scope.channels.has(n.channel)),
    ...(e.loadingFrom !== undefined ? { loadingFrom: e.loadingFrom } : {}),
  };
}

export function boardSnapshot(snapshot: FloorSnapshot, board: Board): FloorSnapshot {
  const scope = scopeOf(board);
  const queues = snapshot.queues.filter((q) => scope.queues.has(q.name));
  // the hours and service targets a tile is judged by: its channel's, or its queue's channel's
  const judged = new Set<Channel>([...scope.channels, ...queues.map((q) => q.channel)]);
  const agentCounts = scope.agents || scope.headline;
  return {
    now: snapshot.now,
    center: snapshot.center,
    lastEventAt: snapshot.lastEventAt,
    staleAfterSeconds: snapshot.staleAfterSeconds,
    simulated: snapshot.simulated,
    definitions: snapshot.definitions,
    channels: snapshot.channels.filter((c) => scope.channels.has(c.channel)),
    queues,
    longestWaiting: scope.waiting ? snapshot.longestWaiting : { total: 0, contacts: [] },
    // the rows only where the board lists names: without them its agents tile draws the counts alone (and 2,000
    // rows were 328 of a board's 339 KiB a push: bench/boards.ts)
    agents: scope.agents && board.showNames ? snapshot.agents : [],
    agentsByState: agentCounts ? snapshot.agentsByState : NO_AGENTS,
    occupancy: scope.headline ? snapshot.occupancy : null,
    intervals: { minutes: snapshot.intervals.minutes, points: scope.intraday ? snapshot.intervals.points : [] },
    ingest: NO_INGEST,
    feeds: [],
    standards: snapshot.standards && boardStandards(snapshot.standards, scope, judged),
    alerts: scope.alerts ? snapshot.alerts : { open: [], unacknowledged: 0 },
  };
}
