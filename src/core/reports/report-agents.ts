/**
 * A report's agents section (off with `--no-agents`, as many centers' privacy rules require): per agent, the
 * contacts handled in the period (answered by that agent, counted in the period they entered the queue), their mean
 * handle time, after-contact work per contact handled, occupancy over the period's agent-state time (the live
 * floor's definition: metrics/agent-metrics.ts), staffed and not-ready time, and not-ready time by reason. State time
 * is each stored interval clipped to the period (an open one runs to the period's end).
 */
import { handleTimeMs } from '../metrics/contact-metrics';
import { occupancy, zeroStateTimes, type StateTimes } from '../metrics/agent-metrics';
import type { Contact } from '../model/types';
import type { StoreReader } from '../store/store';

export interface AgentReportRow {
  agentId: string;
  name: string;
  handled: number;
  ahtSeconds: number | null;
  /** After-contact work time / contacts handled, seconds. */
  acwPerContactSeconds: number | null;
  occupancy: number | null;
  /** Available + on a contact + after-contact work + not ready, seconds. */
  staffedSeconds: number;
  notReadySeconds: number;
  /** Not-ready time / staffed time. */
  notReadyShare: number | null;
  /** Not-ready seconds by reason ("(none)" when the source gave none), largest first. */
  notReadyByReason: { reason: string; seconds: number }[];
}

export function reportAgents(store: Pick<StoreReader, 'agentStatesSince' | 'currentAgents'>, contacts: readonly Contact[], o: { from: number; to: number }): AgentReportRow[] {
  const names = new Map(store.currentAgents().map((a) => [a.id, a.name]));
  const times = new Map<string, { t: StateTimes; reasons: Map<string, number> }>();
  const of = (id: string) => {
    let a = times.get(id);
    if (!a) times.set(id, (a = { t: zeroStateTimes(), reasons: new Map() }));
    return a;
  };
  for (const i of store.agentStatesSince(o.from)) {
    const ms = Math.min(i.end ?? o.to, o.to) - Math.max(i.start, o.from);
    if (ms <= 0) continue;
    const a = of(i.agentId);
    a.t[i.state] += ms;
    if (i.state === 'not-ready') a.reasons.set(i.reason ?? '(none)', (a.reasons.get(i.reason ?? '(none)') ?? 0) + ms);
  }
  const handled = new Map<string, { n: number; handleMs: number; timed: number }>();
  for (const c of contacts) {
    if (c.agentId === null || c.answeredAt === null || c.answeredAt > o.to) continue;
    const h = handled.get(c.agentId) ?? { n: 0, handleMs: 0, timed: 0 };
    h.n++;
    const ms = handleTimeMs(c, o.to);
    if (ms !== null) {
      h.handleMs += ms;
      h.timed++;
    }
    handled.set(c.agentId, h);
    of(c.agentId);
  }
  return [...times.entries()]
    .map(([agentId, { t, reasons }]) => {
      const h = handled.get(agentId) ?? { n: 0, handleMs: 0, timed: 0 };
      const staffed = t.available + t['on-contact'] + t['after-contact-work'] + t['not-ready'];
      return {
        agentId,
        name: names.get(agentId) ?? agentId,
        handled: h.n,
        ahtSeconds: h.timed === 0 ? null : h.handleMs / h.timed / 1000,
        acwPerContactSeconds: h.n === 0 ? null : t['after-contact-work'] / h.n / 1000,
        occupancy: occupancy(t),
        staffedSeconds: staffed / 1000,
        notReadySeconds: t['not-ready'] / 1000,
        notReadyShare: staffed === 0 ? null : t['not-ready'] / staffed,
        notReadyByReason: [...reasons.entries()].map(([reason, ms]) => ({ reason, seconds: ms / 1000 })).sort((a, b) => b.seconds - a.seconds),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId));
}
