/**
 * What a contact will do, drawn once when it arrives: how long the customer is willing to wait, how long the
 * agent will spend on it, and when the agent replies. Drawing everything at arrival from the queue's own
 * stream makes a contact's nature independent of routing (common random numbers), so two runs that differ
 * only in staffing differ only in waiting.
 *
 * Figures: handle times are lognormal (the shape measured in every contact center: a bulk of short contacts
 * and a long tail); voice patience is exponential-ish with a few callers hanging up within seconds
 * (short abandons); chat customers wait a little longer; messaging customers wait hours; email never abandons.
 */
import type { Channel } from '../model/types';
import type { Random } from './random';

export interface ContactPlan {
  /** Seconds the customer waits before abandoning (Infinity: never). */
  patience: number;
  /** Seconds from offer to answer: ringing for voice, accept for chat, open for email. */
  alert: number;
  /** Seconds from answer to end. */
  handle: number;
  /** Seconds of after-contact work. */
  wrap: number;
  /** Seconds after answer of each agent reply (async channels); empty for voice. */
  replies: number[];
}

const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));

function patience(channel: Channel, rng: Random): number {
  switch (channel) {
    case 'voice':
      return rng.chance(0.02) ? rng.uniform(1, 5) : 10 + rng.exponential(150);
    case 'chat':
      return rng.chance(0.02) ? rng.uniform(1, 5) : 10 + rng.exponential(180);
    case 'message':
      return 600 + rng.exponential(4 * 3600);
    case 'email':
      return Infinity;
  }
}

export function drawContactPlan(channel: Channel, rng: Random): ContactPlan {
  const wait = patience(channel, rng);
  switch (channel) {
    case 'voice':
      return {
        patience: wait,
        alert: rng.uniform(2, 6),
        handle: clamp(rng.lognormal(240, 0.6), 25, 2700),
        wrap: rng.uniform(10, 60),
        replies: [],
      };
    case 'chat': {
      const handle = clamp(rng.lognormal(420, 0.55), 60, 3600);
      const replies = [rng.uniform(10, 40)];
      // A few next responses while the conversation lasts.
      for (let i = 0; i < 3; i++) {
        const at = replies[replies.length - 1] + rng.uniform(45, 120);
        if (at >= handle - 10) break;
        replies.push(at);
      }
      return { patience: wait, alert: rng.uniform(2, 10), handle, wrap: rng.uniform(10, 40), replies };
    }
    case 'email': {
      const handle = clamp(rng.lognormal(360, 0.5), 60, 2400);
      // The reply goes out near the end of the work on it.
      return { patience: wait, alert: rng.uniform(1, 4), handle, wrap: rng.uniform(10, 60), replies: [handle * rng.uniform(0.8, 0.95)] };
    }
    case 'message': {
      const handle = clamp(rng.lognormal(300, 0.55), 45, 3600);
      return {
        patience: wait,
        alert: rng.uniform(2, 6),
        handle,
        wrap: rng.uniform(10, 30),
        replies: [Math.min(rng.uniform(40, 180), handle * 0.85)],
      };
    }
  }
}
