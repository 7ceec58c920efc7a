/**
 * What happens to a contact once it is in: abandoned when its patience runs out (waiting or ringing), answered,
 * replied to (and, for async contacts, the customer's follow-ups the replies answer), ended, wrapped up, and then
 * its outcome: resolution and survey. Outcomes and follow-up instants are drawn by hash of the contact's id, not
 * from the queues' streams, so adding them left every other draw of the floor as it was.
 */
import { FEED_FORMAT_VERSION as V } from '../model/events';
import type { Channel } from '../model/types';
import type { Acd } from './acd';
import type { Agenda } from './agenda';
import type { Agent, SimContact } from './floor-state';
import { hashUniform } from './random';

const SECOND = 1000;

/**
 * Customer outcomes per channel, with the differences centers see: voice resolves most on the first contact and
 * satisfies most; email least. Shares of contacts: resolved on the first contact, answering the survey, satisfied
 * (CSAT 4-5), promoters (NPS 9-10) and passives (7-8).
 */
const OUTCOMES: Record<Channel, { fcr: number; surveyRate: number; satisfied: number; promoters: number; passives: number }> = {
  voice: { fcr: 0.76, surveyRate: 0.25, satisfied: 0.84, promoters: 0.45, passives: 0.35 },
  chat: { fcr: 0.7, surveyRate: 0.35, satisfied: 0.8, promoters: 0.4, passives: 0.35 },
  email: { fcr: 0.55, surveyRate: 0.2, satisfied: 0.68, promoters: 0.28, passives: 0.37 },
  message: { fcr: 0.66, surveyRate: 0.3, satisfied: 0.78, promoters: 0.38, passives: 0.36 },
};

export class ContactHappenings {
  constructor(
    private readonly agenda: Agenda,
    private readonly acd: Acd,
    private readonly seed: number,
  ) {}

  abandon(c: SimContact): void {
    if (c.phase !== 'waiting' && c.phase !== 'alerting') return;
    const ringing = c.phase === 'alerting';
    if (!ringing) c.queue.waiting--;
    c.phase = 'abandoned';
    const { agenda } = this;
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.abandoned', contactId: c.id });
    if (!ringing) return;
    // Hung up while it was ringing: the reserved seat is free again.
    const a = c.agent as Agent;
    a.alerting--;
    c.agent = null;
    this.acd.onFreed(a);
    this.acd.syncState(a);
  }

  answer(c: SimContact): void {
    if (c.phase !== 'alerting') return;
    const { agenda } = this;
    const a = c.agent as Agent;
    c.phase = 'talking';
    c.answeredAt = agenda.clock;
    a.alerting--;
    a.talking++;
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.answered', contactId: c.id, agentId: a.id });
    this.acd.syncState(a);
    if (c.plan.replies.length > 0) agenda.schedule(agenda.clock + c.plan.replies[0] * SECOND, { kind: 'reply', contact: c, index: 0 });
    agenda.after(c.plan.handle, { kind: 'end', contact: c });
  }

  reply(c: SimContact, index: number): void {
    if (c.phase !== 'talking') return;
    const { agenda } = this;
    const clock = agenda.clock;
    agenda.emit({ v: V, id: agenda.nextId(), ts: clock, type: 'contact.responded', contactId: c.id, agentId: (c.agent as Agent).id });
    const next = index + 1;
    if (next >= c.plan.replies.length) return;
    const nextAt = c.answeredAt + c.plan.replies[next] * SECOND;
    agenda.schedule(nextAt, { kind: 'reply', contact: c, index: next });
    // the customer's follow-up that the next reply answers, 20-70 % of the way there (drawn by hash, so the rest
    // of the floor's draws are as before): next response time
    const u = 0.2 + 0.5 * hashUniform(this.seed, `follow-up:${c.id}:${next}`);
    agenda.schedule(Math.round(clock + (nextAt - clock) * u), { kind: 'message', contact: c });
  }

  /** A customer's follow-up, while the conversation lasts. */
  message(c: SimContact): void {
    const { agenda } = this;
    if (c.phase === 'talking') agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.message', contactId: c.id });
  }

  end(c: SimContact): void {
    const { agenda } = this;
    const a = c.agent as Agent;
    c.phase = 'wrapping';
    a.talking--;
    a.wrapping++;
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.ended', contactId: c.id });
    this.acd.syncState(a);
    agenda.after(c.plan.wrap, { kind: 'wrap-end', contact: c });
  }

  wrapEnd(c: SimContact): void {
    const { agenda } = this;
    const a = c.agent as Agent;
    c.phase = 'done';
    a.wrapping--;
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.wrapup-ended', contactId: c.id });
    this.emitOutcomes(c);
    this.acd.onFreed(a);
    this.acd.syncState(a);
  }

  /** Resolution and survey, drawn per contact from its id. */
  private emitOutcomes(c: SimContact): void {
    const { agenda } = this;
    const o = OUTCOMES[c.channel];
    const u = (what: string) => hashUniform(this.seed, `${what}:${c.id}`);
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.resolved', contactId: c.id, firstContact: u('fcr') < o.fcr });
    if (u('survey') >= o.surveyRate) return;
    // CSAT 1-5 and NPS 0-10 from the channel's satisfied / promoter shares, the rest spread below
    const satisfied = u('csat') < o.satisfied;
    const csat = satisfied ? (u('csat5') < 0.6 ? 5 : 4) : 1 + Math.floor(u('csatLow') * 3);
    const p = u('nps');
    const nps = p < o.promoters ? 9 + Math.floor(u('nps9') * 2) : p < o.promoters + o.passives ? 7 + Math.floor(u('nps7') * 2) : Math.floor(u('npsLow') * 7);
    agenda.emit({ v: V, id: agenda.nextId(), ts: agenda.clock, type: 'contact.surveyed', contactId: c.id, csat, nps });
  }
}
