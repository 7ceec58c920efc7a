/**
 * What a viewer sees of an answer or a push: no paths, no raw lines, and, unless its token was made with names,
 * every agent as a stable pseudonym ("Agent 12", id "agent-12"): numbered in the order this process first showed
 * them, so an agent keeps its number across pushes and calls for as long as the host runs. A screen (a token bound to
 * a board) sees the floor cut to its board's tiles first, then the same. An admin sees answers as they are. One
 * function per method whose answer holds something a viewer may not see; the others pass through.
 */
import type { AgentRow, ApiName, ApiResult, AppInfo, Caller, FeedStatus, FloorSnapshot, PushEvents, PushName } from '../../shared/api';
import type { Board } from '../../shared/boards';

/** The boards a screen's view needs: a board by name, and the floor cut to a board (core/boards' boardSnapshot). */
export interface ScreenBoards {
  boardOf(name: string): Board | null;
  cut(snapshot: FloorSnapshot, board: Board): FloorSnapshot;
}

export interface Pseudonyms {
  /** The agent's number: the same for the same id, for the life of this object. */
  numberOf(agentId: string): number;
}

export function createPseudonyms(): Pseudonyms {
  const numbers = new Map<string, number>();
  return {
    numberOf(id) {
      let n = numbers.get(id);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(id, n);
      }
      return n;
    },
  };
}

function viewerFeed(f: FeedStatus): FeedStatus {
  // the health a wallboard shows (state, staleness, rates), without where the feed reads or why it fails in words
  return { ...f, path: null, webhookPath: null, message: null };
}

function pseudonymousAgent(a: AgentRow, pseudonyms: Pseudonyms): AgentRow {
  const n = pseudonyms.numberOf(a.id);
  return { ...a, id: `agent-${n}`, name: `Agent ${n}` };
}

/** A removed board's screens (revoked with it) may still be sent one push: it shows nothing. */
function noBoard(name: string): Board {
  return { name, title: name, theme: 'dark', showNames: false, jumpOnBreach: false, pages: [] };
}

function viewerSnapshot(whole: FloorSnapshot, caller: Caller, pseudonyms: Pseudonyms, boards?: ScreenBoards): FloorSnapshot {
  let s = whole;
  if (caller.board !== undefined) {
    if (boards === undefined) throw new Error(`a screen's view of the floor needs its board "${caller.board}"`);
    s = boards.cut(whole, boards.boardOf(caller.board) ?? noBoard(caller.board));
  }
  return {
    ...s,
    agents: caller.names ? s.agents : s.agents.map((a) => pseudonymousAgent(a, pseudonyms)),
    ingest: { ...s.ingest, lastQuarantine: null },
    feeds: s.feeds.map(viewerFeed),
  };
}

type ViewerViews = { [K in ApiName]?: (value: ApiResult<K>, caller: Caller, pseudonyms: Pseudonyms, boards?: ScreenBoards) => ApiResult<K> };
const VIEWER_VIEWS: ViewerViews = {
  'app/info': (info: AppInfo) => ({ ...info, dbPath: null }),
  'floor/snapshot': viewerSnapshot,
};
type PushViews = { [E in PushName]?: (payload: PushEvents[E], caller: Caller, pseudonyms: Pseudonyms, boards?: ScreenBoards) => PushEvents[E] };
const PUSH_VIEWS: PushViews = { 'floor/snapshot': viewerSnapshot };

export function viewerView<K extends ApiName>(name: K, value: ApiResult<K>, caller: Caller, pseudonyms: Pseudonyms, boards?: ScreenBoards): ApiResult<K> {
  if (caller.role === 'admin') return value;
  const view = VIEWER_VIEWS[name] as ((v: ApiResult<K>, c: Caller, p: Pseudonyms, b?: ScreenBoards) => ApiResult<K>) | undefined;
  return view ? view(value, caller, pseudonyms, boards) : value;
}

export function viewerPush<E extends PushName>(event: E, payload: PushEvents[E], caller: Caller, pseudonyms: Pseudonyms, boards?: ScreenBoards): PushEvents[E] {
  if (caller.role === 'admin') return payload;
  const view = PUSH_VIEWS[event] as ((p: PushEvents[E], c: Caller, s: Pseudonyms, b?: ScreenBoards) => PushEvents[E]) | undefined;
  return view ? view(payload, caller, pseudonyms, boards) : payload;
}
