/**
 * Arrivals: contacts arrive per queue as a non-homogeneous Poisson process, by thinning candidates drawn at the
 * queue's maximum rate against the intraday curve in the center's local time, a factor per local day and any
 * scripted surge. Each queue draws from its own stream, in a fixed order per candidate (keep or not, the next
 * candidate, then the kept contact's plan), so the same seed gives the same contacts.
 */
import { FEED_FORMAT_VERSION } from '../model/events';
import type { Channel } from '../model/types';
import type { Agenda } from './agenda';
import type { Acd } from './acd';
import { drawContactPlan } from './contact-plan';
import { DAY_VARIATION, type QueueRuntime, type SimContact } from './floor-state';
import { channelDemand } from './intraday-curve';
import { hashUniform } from './random';
import type { ZoneClock } from './zone-clock';

export interface Surge {
  channel: Channel;
  from: number;
  to: number;
  factor: number;
}

export class Arrivals {
  private contactCount = 0;
  /** Some days are busier than others: a factor per local day, a pure function of seed and day. */
  private factorDay = Number.NaN;
  private factor = 1;

  constructor(
    private readonly agenda: Agenda,
    private readonly acd: Acd,
    private readonly seed: number,
    private readonly zone: ZoneClock,
    private readonly idPrefix: string,
    private readonly surges: readonly Surge[],
  ) {}

  /** Schedule the queue's next arrival candidate after `from`. */
  next(q: QueueRuntime, from: number): void {
    this.agenda.schedule(from + q.rng.exponential(1 / (q.maxRate * this.surgeFactor(q.def.channel, from))), { kind: 'arrival', queue: q });
  }

  /** A candidate comes: kept in proportion to the demand now; a kept one rings at a free agent or waits. */
  arrive(q: QueueRuntime): void {
    const { agenda, acd } = this;
    const at = agenda.clock;
    const demand = channelDemand(q.def.channel, this.zone.minuteOfDay(at)) * this.dayFactor(this.zone.dayNumber(at));
    // Thinning: candidates come at the maximum rate and are kept in proportion to the demand now.
    const accept = q.rng.next() * (1 + DAY_VARIATION) < demand;
    this.next(q, at);
    if (!accept) return;
    this.contactCount++;
    const c: SimContact = {
      id: `${this.idPrefix}-c${this.contactCount}`,
      queue: q,
      channel: q.def.channel,
      queuedAt: at,
      plan: drawContactPlan(q.def.channel, q.rng),
      phase: 'waiting',
      agent: null,
      answeredAt: 0,
    };
    agenda.emit({ v: FEED_FORMAT_VERSION, id: agenda.nextId(), ts: at, type: 'contact.queued', contactId: c.id, channel: c.channel, queue: q.def.name });
    if (Number.isFinite(c.plan.patience)) agenda.after(c.plan.patience, { kind: 'abandon', contact: c });
    // Nobody ahead of it means no agent for this queue is free (agents drain queues as soon as they free up).
    const agent = q.waiting === 0 ? acd.findAgent(q) : undefined;
    if (agent) {
      acd.assign(agent, c);
      acd.refreshPools(agent);
    } else {
      acd.enqueue(c);
    }
  }

  private surgeFactor(channel: Channel, t: number): number {
    let f = 1;
    for (const s of this.surges) if (s.channel === channel && t >= s.from && t < s.to) f = Math.max(f, s.factor);
    return f;
  }

  private dayFactor(day: number): number {
    if (day !== this.factorDay) {
      this.factorDay = day;
      this.factor = 1 + DAY_VARIATION * (2 * hashUniform(this.seed, `day:${day}`) - 1);
    }
    return this.factor;
  }
}
