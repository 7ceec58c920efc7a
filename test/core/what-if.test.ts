/**
 * What-if: a standard as proposed, next to the one in force, over today and the last 7 days, computed by hand;
 * nothing is saved.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import { testEngine } from '../helpers/engine';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const DAY = 86_400_000;
const S = 1000;

describe('standards what-if', () => {
  it('recomputes today and the last 7 days with another target and another formula, saving nothing', async () => {
    const t = testEngine(NOW);
    try {
      const lines: string[] = [];
      const call = (id: string, at: number, wait: number | null, abandonAfter?: number) => {
        lines.push(JSON.stringify({ v: 1, type: 'queue.config', ts: at, queue: 'Billing', channel: 'voice', slThresholdSeconds: 20 }));
        lines.push(JSON.stringify({ v: 1, type: 'contact.queued', ts: at, contactId: id, queue: 'Billing', channel: 'voice' }));
        if (wait !== null) lines.push(JSON.stringify({ v: 1, type: 'contact.answered', ts: at + wait * S, contactId: id, agentId: 'a1' }));
        if (abandonAfter !== undefined) lines.push(JSON.stringify({ v: 1, type: 'contact.abandoned', ts: at + abandonAfter * S, contactId: id }));
      };
      // today (since 00:00): 3 answered within 20 s, 1 after 30 s -> floorboard 3/4 = 75 %
      call('t1', NOW - 3 * 3600 * S, 5);
      call('t2', NOW - 3 * 3600 * S, 10);
      call('t3', NOW - 2 * 3600 * S, 15);
      call('t4', NOW - 2 * 3600 * S, 30);
      // two days ago: 1 answered within, 1 abandoned after 40 s -> floorboard 1/2; asterisk (abandons ignored) 1/1
      call('p1', NOW - 2 * DAY, 5);
      call('p2', NOW - 2 * DAY, null, 40);
      // ten days ago: outside the last 7 days
      call('old', NOW - 10 * DAY, 100);
      t.engine.ingestNdjson('calls', lines.map((text, i) => ({ position: i + 1, text })));
      const api = createDispatcher(t.engine.handlers);
      const current = t.engine.handlers['standards/get']({}).set.standards.find((s) => s.id === 'voice-service-level')!;
      const proposed = { ...current, tiers: { expected: 0.8, desired: 0.85, delight: 0.95 }, options: { ...current.options, formula: 'asterisk' as const } };
      const r = await api('standards/what-if', { standard: proposed });
      if (!r.ok) throw new Error(r.error.message);
      const [today, week] = (r.value as import('../../src/shared/standards').WhatIfResult).periods;
      expect(today).toMatchObject({ label: 'today', from: Date.parse('2026-03-04T00:00:00Z'), to: NOW });
      // today: current floorboard 75 % = expected tier; proposed asterisk 3/4 = 75 % too, now below expected (80 %)
      expect(today.current![0]).toMatchObject({ key: 'voice', figure: 0.75, status: 'expected' });
      expect(today.proposed[0]).toMatchObject({ key: 'voice', figure: 0.75, status: 'breach' });
      // the 7 days before today: floorboard 1/2 (a breach at 70 %); asterisk 1/1 = delight
      expect(week).toMatchObject({ label: 'last 7 days', from: Date.parse('2026-02-25T00:00:00Z'), to: Date.parse('2026-03-04T00:00:00Z') });
      expect(week.current![0]).toMatchObject({ figure: 0.5, status: 'breach', volume: 2 });
      expect(week.proposed[0]).toMatchObject({ figure: 1, status: 'delight' });
      // nothing saved
      expect(t.engine.handlers['standards/history']({})).toHaveLength(1);
    } finally {
      t.close();
    }
  });
});
