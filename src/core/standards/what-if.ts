/**
 * What-if: a standard as proposed (another target, formula, threshold or window) evaluated at once over today
 * (since the business-day start) and over the last 7 days before it, next to the standard as it is, from the
 * contacts held in memory. Each period replaces the standard's own window; agent figures of the past week are not
 * evaluated (agent time is held for today only).
 */
import type { WhatIfResult } from '../../shared/standards';
import { evaluateStandards, type FloorFacts } from './evaluate';
import type { Standard, StandardsSet } from './standard';

/** `dayStartBefore(n)`: the start of the business day n days before today's (calendar days: DST-correct). */
export function whatIf(set: StandardsSet, version: number, proposed: Standard, today: FloorFacts, dayStartBefore: (days: number) => number): WhatIfResult {
  const current = set.standards.find((s) => s.id === proposed.id) ?? null;
  const periods: { label: WhatIfResult['periods'][number]['label']; facts: FloorFacts }[] = [
    { label: 'today', facts: { ...today, period: { from: today.dayStart } } },
    {
      label: 'last 7 days',
      facts: {
        ...today,
        now: today.dayStart,
        dayStart: dayStartBefore(1),
        weekStart: dayStartBefore(7),
        agents: null,
        agentIntervals: undefined,
        waitingNow: [],
        period: { from: dayStartBefore(7) },
      },
    },
  ];
  // the contacts are read once and shared by the four evaluations
  const contacts = [...today.contacts];
  return {
    standardId: proposed.id,
    periods: periods.map(({ label, facts }) => {
      const run = (s: Standard) => evaluateStandards({ ...set, standards: [s] }, version, { ...facts, contacts }).results;
      return { label, from: facts.period!.from, to: facts.now, current: current ? run(current) : null, proposed: run(proposed) };
    }),
  };
}
