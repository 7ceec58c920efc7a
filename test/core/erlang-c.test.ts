/**
 * Erlang C against values computed by hand from the textbook formula (the factorial sum, independent of the
 * Erlang B recursion the code uses) and against published table values.
 */
import { describe, expect, it } from 'vitest';
import { probabilityOfWaiting, requiredAgents, staffingAt } from '../../src/core/metrics/erlang-c';

/** C(N, A) = (A^N / N!) (N / (N - A)) / (sum_{k<N} A^k / k! + (A^N / N!) (N / (N - A))): fine for small N. */
function erlangCBySum(n: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = term * (n / (n - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  it('gives the probability of waiting of the published tables (10 Erlangs)', () => {
    // A = 10 Erlangs: the table rows for 11 to 15 agents
    const table: [number, number][] = [
      [11, 0.6821],
      [12, 0.4494],
      [13, 0.2853],
      [14, 0.1741],
      [15, 0.1020],
    ];
    for (const [n, c] of table) {
      expect(probabilityOfWaiting(n, 10)).toBeCloseTo(c, 4);
      expect(probabilityOfWaiting(n, 10)).toBeCloseTo(erlangCBySum(n, 10), 12);
    }
    expect(probabilityOfWaiting(10, 10)).toBe(1); // no more agents than traffic: everyone waits, the queue grows
    expect(probabilityOfWaiting(5, 0)).toBe(0);
  });

  it('staffs 100 calls in 30 minutes of 180 s for 80 % in 20 s: 14 agents (13 give 79.6 %)', () => {
    // A = 100 / 1800 x 180 = 10 Erlangs.
    // 13 agents: SL = 1 - 0.2853 x e^(-3 x 20 / 180) = 1 - 0.2853 x 0.7165 = 0.7956 (short of 80 %)
    // 14 agents: SL = 1 - 0.1741 x e^(-4 x 20 / 180) = 1 - 0.1741 x 0.6412 = 0.8884; ASA = 0.1741 x 180 / 4 = 7.8 s
    expect(staffingAt(13, 10, 180, 20).serviceLevel).toBeCloseTo(0.7956, 3);
    const r = requiredAgents({ arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 });
    expect(r).toMatchObject({ agents: 14, trafficErlangs: 10, concurrency: 1 });
    expect(r.serviceLevel).toBeCloseTo(0.8884, 3);
    expect(r.asaSeconds).toBeCloseTo(7.83, 1);
    expect(r.occupancy).toBeCloseTo(10 / 14, 6);
  });

  it('agrees with the factorial sum on a grid, and each answer is the fewest agents that meet the target', () => {
    for (const a of [0.5, 2, 7.3, 25, 60]) {
      for (const target of [0.7, 0.8, 0.9, 0.95]) {
        const r = requiredAgents({ arrivals: a * 3600, intervalSeconds: 3600 * 60, ahtSeconds: 60, target, thresholdSeconds: 20 });
        const sl = (n: number) => 1 - erlangCBySum(n, a) * Math.exp((-(n - a) * 20) / 60);
        expect(sl(r.agents)).toBeGreaterThanOrEqual(target);
        if (r.agents - 1 > a) expect(sl(r.agents - 1)).toBeLessThan(target);
      }
    }
  });

  it('staffs thousands of agents without overflow', () => {
    const r = requiredAgents({ arrivals: 36_000, intervalSeconds: 3600, ahtSeconds: 300, target: 0.8, thresholdSeconds: 20 });
    // 3,000 Erlangs: a few dozen agents above the traffic
    expect(r.agents).toBeGreaterThan(3000);
    expect(r.agents).toBeLessThan(3100);
    expect(Number.isFinite(r.serviceLevel)).toBe(true);
  });

  it('counts chat agents by their concurrent conversations, and honours an occupancy ceiling', () => {
    const slots = requiredAgents({ arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 });
    const chat = requiredAgents({ arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20, concurrency: 3 });
    expect(chat.servers).toBe(slots.agents);
    expect(chat.agents).toBe(5); // 14 slots / 3 a head
    const capped = requiredAgents({ arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20, maxOccupancy: 0.65 });
    expect(capped.agents).toBe(16); // 10 / 0.65 = 15.4
    expect(capped.occupancy).toBeLessThanOrEqual(0.65);
  });

  it('needs no agent for no traffic, and refuses inputs out of range', () => {
    expect(requiredAgents({ arrivals: 0, intervalSeconds: 1800, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 })).toMatchObject({ agents: 0, serviceLevel: 1 });
    expect(() => requiredAgents({ arrivals: 10, intervalSeconds: 0, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 })).toThrow(RangeError);
    expect(() => requiredAgents({ arrivals: 10, intervalSeconds: 60, ahtSeconds: 180, target: 1.2, thresholdSeconds: 20 })).toThrow(/target/);
    expect(() => requiredAgents({ arrivals: 10, intervalSeconds: 60, ahtSeconds: 180, target: 0.8, thresholdSeconds: -1 })).toThrow(/threshold/);
  });
});
