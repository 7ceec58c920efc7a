/**
 * A realistic Asterisk queue_log from the simulated floor, for benchmarks and the demo: the simulator's voice
 * calls and agent states written as the lines app_queue writes (ENTERQUEUE, CONNECT, COMPLETECALLER/AGENT,
 * ABANDON, RINGNOANSWER, ADDMEMBER, PAUSE/UNPAUSE with reasons, REMOVEMEMBER), with fractional epochs.
 */
import type { CanonicalEventInput } from '../src/core/model/events';
import { createSimulator } from '../src/core/simulator/simulator';

const epoch = (ts: number) => (ts / 1000).toFixed(3);

function queueLogFromEvents(events: CanonicalEventInput[]): string[] {
  const out: string[] = [];
  const calls = new Map<string, { uid: string; queue: string; queuedAt: number; answeredAt: number | null; agent: string | null }>();
  const agentState = new Map<string, string>();
  let uid = 0;
  for (const e of events) {
    const ts = typeof e.ts === 'number' ? e.ts : Date.parse(e.ts);
    const t = epoch(ts);
    switch (e.type) {
      case 'contact.queued': {
        if (e.channel !== 'voice') break;
        const c = { uid: `${Math.floor(ts / 1000)}.${++uid}`, queue: e.queue, queuedAt: ts, answeredAt: null, agent: null };
        calls.set(e.contactId, c);
        out.push(`${t}|${c.uid}|${c.queue}|NONE|DID|5551000`);
        out.push(`${t}|${c.uid}|${c.queue}|NONE|ENTERQUEUE||+1555${String(uid % 10_000_000).padStart(7, '0')}|1`);
        break;
      }
      case 'contact.answered': {
        const c = calls.get(e.contactId);
        if (!c) break;
        const hold = Math.round((ts - c.queuedAt) / 1000);
        c.answeredAt = ts;
        c.agent = `PJSIP/${e.agentId}`;
        if (uid % 7 === 0) out.push(`${epoch(ts - 1)}|${c.uid}|${c.queue}|PJSIP/${e.agentId}x|RINGNOANSWER|15000`);
        out.push(`${t}|${c.uid}|${c.queue}|${c.agent}|CONNECT|${hold}|${c.uid}9|3`);
        break;
      }
      case 'contact.abandoned': {
        const c = calls.get(e.contactId);
        if (!c) break;
        out.push(`${t}|${c.uid}|${c.queue}|NONE|ABANDON|1|1|${Math.round((ts - c.queuedAt) / 1000)}`);
        calls.delete(e.contactId);
        break;
      }
      case 'contact.ended': {
        const c = calls.get(e.contactId);
        if (!c || c.answeredAt === null) break;
        const hold = Math.round((c.answeredAt - c.queuedAt) / 1000);
        const talk = Math.round((ts - c.answeredAt) / 1000);
        out.push(`${t}|${c.uid}|${c.queue}|${c.agent}|${uid % 2 ? 'COMPLETECALLER' : 'COMPLETEAGENT'}|${hold}|${talk}|1`);
        calls.delete(e.contactId);
        break;
      }
      case 'agent.state': {
        const prev = agentState.get(e.agentId);
        const member = `PJSIP/${e.agentId}`;
        if (e.state === 'offline' && prev !== undefined && prev !== 'offline') out.push(`${t}|NONE|NONE|${member}|AGENTLOGOFF|${member}|28800`);
        else if (prev === undefined || prev === 'offline') out.push(`${t}|NONE|NONE|${member}|AGENTLOGIN|${member}`);
        if (e.state === 'not-ready') out.push(`${t}|NONE|NONE|${member}|PAUSEALL|${e.reason ?? 'Break'}`);
        else if (prev === 'not-ready' && e.state === 'available') out.push(`${t}|NONE|NONE|${member}|UNPAUSEALL|`);
        agentState.set(e.agentId, e.state);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Lines of queue_log from a simulated center over `days` days. */
export function simulatedQueueLog(start: number, days: number, scale: number): string[] {
  const lines: string[] = [];
  for (const day of simulatedQueueLogDays(start, days, scale)) for (const l of day) lines.push(l);
  return lines;
}

/** The same lines a day at a time, so that a large center's week can be written out without holding it whole. */
export function* simulatedQueueLogDays(start: number, days: number, scale: number): Generator<string[]> {
  const sim = createSimulator({ seed: 3, start, timeZone: 'UTC', scale });
  for (let d = 1; d <= days; d++) yield queueLogFromEvents(sim.advanceTo(start + d * 86_400_000));
}
