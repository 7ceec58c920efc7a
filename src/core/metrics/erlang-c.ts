/**
 * Staffing for a service-level target: Erlang C (M/M/N, callers wait, none leave).
 *
 * Definitions, as in the workforce-management literature (A. K. Erlang 1917; the tables of call-centre
 * planning):
 *   traffic A (Erlangs)        = arrivals / interval seconds x AHT seconds
 *   probability of waiting     = C(N, A) = B(N, A) x N / (N - A x (1 - B(N, A))), for N > A, where B is Erlang B
 *                                computed by its recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)) (stable for
 *                                thousands of agents, unlike the factorial sum)
 *   service level within T     = 1 - C(N, A) x exp(-(N - A) x T / AHT)
 *   ASA (mean speed of answer) = C(N, A) x AHT / (N - A)
 *   occupancy                  = A / N
 *   agents required            = the fewest N > A meeting the service level (and the occupancy ceiling, if any)
 *
 * Erlang C ignores abandons, so it overstates the agents needed when customers hang up; it is the figure every
 * WFM tool starts from, and the one a supervisor can check by hand. For chat, an agent holds `concurrency`
 * conversations at once: the servers are conversation slots, and agents = ceil(slots / concurrency) (an
 * approximation that takes a chat's handle time as unchanged by concurrency).
 */

const ERLANG_C_DEFINITION =
  'Erlang C: traffic A = arrivals / interval x AHT; P(wait) = C(N, A); SL(T) = 1 - C(N, A) x exp(-(N - A) T / AHT); ASA = C(N, A) x AHT / (N - A); agents = the fewest N > A meeting the target';

/** Agents beyond which the search stops (a center this size is planned by other tools). */
const MAX_AGENTS = 20_000;

/** Probability that a contact waits, for `agents` servers offered `traffic` Erlangs; 1 when agents <= traffic. */
export function probabilityOfWaiting(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return (agents * b) / (agents - traffic * (1 - b));
}

export interface StaffingAt {
  agents: number;
  trafficErlangs: number;
  probabilityOfWaiting: number;
  /** Share answered within the threshold (0-1). */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
}

/** What `agents` servers give for `traffic` Erlangs of contacts of `ahtSeconds`, within `thresholdSeconds`. */
export function staffingAt(agents: number, traffic: number, ahtSeconds: number, thresholdSeconds: number): StaffingAt {
  const pw = probabilityOfWaiting(agents, traffic);
  const stable = agents > traffic;
  return {
    agents,
    trafficErlangs: traffic,
    probabilityOfWaiting: pw,
    serviceLevel: stable ? Math.max(0, 1 - pw * Math.exp((-(agents - traffic) * thresholdSeconds) / ahtSeconds)) : 0,
    asaSeconds: stable ? (pw * ahtSeconds) / (agents - traffic) : Infinity,
    occupancy: agents > 0 ? Math.min(1, traffic / agents) : 1,
  };
}

export interface StaffingQuestion {
  /** Contacts arriving in the interval. */
  arrivals: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Service-level target, 0-1 (e.g. 0.8). */
  target: number;
  thresholdSeconds: number;
  /** Highest occupancy accepted, 0-1 (none by default). */
  maxOccupancy?: number;
  /** Conversations an agent holds at once (chat); 1 by default. */
  concurrency?: number;
}

export interface StaffingAnswer extends StaffingAt {
  /** Conversation slots needed (agents x concurrency, before rounding up to whole agents). */
  servers: number;
  concurrency: number;
  definition: string;
}

/** The fewest agents that meet the target, and what they give. Throws RangeError on inputs out of range. */
export function requiredAgents(q: StaffingQuestion): StaffingAnswer {
  const concurrency = q.concurrency ?? 1;
  if (!(q.arrivals >= 0) || !(q.intervalSeconds > 0) || !(q.ahtSeconds > 0)) throw new RangeError('arrivals must be >= 0, interval and AHT > 0');
  if (!(q.target > 0 && q.target < 1)) throw new RangeError('target must be between 0 and 1 (exclusive)');
  if (!(q.thresholdSeconds >= 0)) throw new RangeError('threshold must be >= 0 seconds');
  if (q.maxOccupancy !== undefined && !(q.maxOccupancy > 0 && q.maxOccupancy <= 1)) throw new RangeError('occupancy ceiling must be in (0, 1]');
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 20)) throw new RangeError('concurrency must be a whole number from 1 to 20');
  const traffic = (q.arrivals / q.intervalSeconds) * q.ahtSeconds;
  if (traffic === 0) return { ...staffingAt(0, 0, q.ahtSeconds, q.thresholdSeconds), serviceLevel: 1, asaSeconds: 0, occupancy: 0, servers: 0, concurrency, definition: ERLANG_C_DEFINITION };
  let n = Math.max(1, Math.floor(traffic) + 1);
  if (q.maxOccupancy !== undefined) n = Math.max(n, Math.ceil(traffic / q.maxOccupancy - 1e-9));
  for (; n <= MAX_AGENTS * concurrency; n++) {
    const at = staffingAt(n, traffic, q.ahtSeconds, q.thresholdSeconds);
    if (at.serviceLevel >= q.target) {
      const agents = Math.ceil(n / concurrency);
      // whole agents give whole slots: what they give is computed on agents x concurrency slots
      const given = staffingAt(agents * concurrency, traffic, q.ahtSeconds, q.thresholdSeconds);
      return { ...given, agents, occupancy: given.occupancy, servers: n, concurrency, definition: ERLANG_C_DEFINITION };
    }
  }
  throw new RangeError(`more than ${MAX_AGENTS} agents would be needed`);
}
