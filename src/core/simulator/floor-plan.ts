/**
 * The simulated center: its queues, the skill profiles agents are hired into, and the shift roster. Figures
 * are for scale 1 (a mid-size center, 52 agents); `rosterAt` and `arrivalMultiplier` size them.
 * The roster follows the demand curve: most agents start between 07:00 and 09:00 for the morning peak, later
 * shifts cover the afternoon peak and the evening, and a small night crew skilled on every live channel keeps
 * a 24/7 center staffed (email waits for the morning, as it does in most centers).
 */
import type { Channel } from '../model/types';
import { DEFAULT_SL_THRESHOLD_SECONDS } from '../model/types';

export interface QueueDef {
  name: string;
  channel: Channel;
  /** Arrivals per hour at the daily peak, scale 1. */
  peakPerHour: number;
  slThresholdSeconds: number;
}

const queue = (name: string, channel: Channel, peakPerHour: number): QueueDef => ({
  name,
  channel,
  peakPerHour,
  slThresholdSeconds: DEFAULT_SL_THRESHOLD_SECONDS[channel],
});

export const QUEUES: readonly QueueDef[] = [
  queue('Billing', 'voice', 66),
  queue('Tech Support', 'voice', 53),
  queue('Sales', 'voice', 36),
  queue('Web Chat', 'chat', 34),
  queue('Chat Support', 'chat', 24),
  queue('Email Support', 'email', 13),
  queue('WhatsApp', 'message', 18),
  queue('SMS', 'message', 9),
];

/** Concurrent contacts per channel a seat can hold when skilled for it. */
export const CHANNEL_CAPACITY: Record<Channel, number> = { voice: 1, chat: 3, email: 1, message: 4 };

export interface SkillProfile {
  name: string;
  queues: readonly string[];
  /** Overrides of CHANNEL_CAPACITY for this profile (e.g. blended agents take fewer chats). */
  capacity?: Partial<Record<Channel, number>>;
}

export const PROFILES: readonly SkillProfile[] = [
  { name: 'voice-billing-sales', queues: ['Billing', 'Sales'] },
  { name: 'voice-tech', queues: ['Tech Support'] },
  { name: 'voice-all', queues: ['Billing', 'Tech Support', 'Sales'] },
  { name: 'blended', queues: ['Billing', 'Tech Support', 'Sales', 'Web Chat', 'Chat Support'], capacity: { chat: 2 } },
  { name: 'digital', queues: ['Web Chat', 'Chat Support', 'WhatsApp', 'SMS'] },
  { name: 'back-office', queues: ['Email Support', 'WhatsApp', 'SMS'] },
  // Nights: everything live; email waits for the morning.
  { name: 'night', queues: QUEUES.filter((q) => q.channel !== 'email').map((q) => q.name) },
  // Small centers cannot afford specialists: everyone takes everything.
  { name: 'universal', queues: QUEUES.map((q) => q.name), capacity: { chat: 2, message: 3 } },
];

export const SHIFT_HOURS = 8;

export interface RosterEntry {
  /** Local hour the shift starts. */
  startHour: number;
  profile: string;
  /** Head count at scale 1. */
  count: number;
  /** Night crews keep at least one seat at any scale and skip training and meetings. */
  night?: boolean;
}

const ROSTER: readonly RosterEntry[] = [
  { startHour: 22, profile: 'night', count: 4, night: true },
  { startHour: 23, profile: 'night', count: 3, night: true },
  { startHour: 6, profile: 'voice-all', count: 4 },
  { startHour: 6, profile: 'digital', count: 1 },
  { startHour: 7, profile: 'voice-billing-sales', count: 2 },
  { startHour: 7, profile: 'voice-tech', count: 2 },
  { startHour: 7, profile: 'blended', count: 1 },
  { startHour: 7, profile: 'digital', count: 1 },
  { startHour: 7, profile: 'back-office', count: 1 },
  { startHour: 8, profile: 'voice-billing-sales', count: 2 },
  { startHour: 8, profile: 'voice-tech', count: 2 },
  { startHour: 8, profile: 'blended', count: 2 },
  { startHour: 8, profile: 'digital', count: 1 },
  { startHour: 8, profile: 'back-office', count: 1 },
  { startHour: 9, profile: 'voice-billing-sales', count: 2 },
  { startHour: 9, profile: 'voice-tech', count: 2 },
  { startHour: 9, profile: 'blended', count: 1 },
  { startHour: 11, profile: 'voice-billing-sales', count: 1 },
  { startHour: 11, profile: 'voice-tech', count: 1 },
  { startHour: 11, profile: 'back-office', count: 1 },
  { startHour: 12, profile: 'voice-billing-sales', count: 1 },
  { startHour: 12, profile: 'back-office', count: 1 },
  { startHour: 12, profile: 'voice-tech', count: 1 },
  { startHour: 12, profile: 'blended', count: 1 },
  { startHour: 12, profile: 'digital', count: 1 },
  { startHour: 14, profile: 'voice-billing-sales', count: 2 },
  { startHour: 14, profile: 'back-office', count: 1 },
  { startHour: 14, profile: 'voice-tech', count: 1 },
  { startHour: 14, profile: 'digital', count: 1 },
  { startHour: 16, profile: 'voice-all', count: 5 },
  { startHour: 16, profile: 'blended', count: 1 },
  { startHour: 16, profile: 'digital', count: 1 },
];

/** Below this scale (about 25 agents) teams are too small to specialize. */
const SPECIALIST_SCALE = 0.5;

/**
 * The roster at a scale: each team's head count scaled and rounded (night crews keep at least one seat).
 * A small center is planned per shift start instead, with universal agents, since rounding tiny specialist
 * teams would leave whole channels unstaffed for hours.
 */
export function rosterAt(scale: number): RosterEntry[] {
  if (scale >= SPECIALIST_SCALE) {
    return ROSTER.map((e) => ({ ...e, count: e.night ? Math.max(1, Math.round(e.count * scale)) : Math.round(e.count * scale) }));
  }
  const byHour = new Map<number, RosterEntry>();
  for (const e of ROSTER) {
    const shift = byHour.get(e.startHour) ?? { startHour: e.startHour, profile: e.night ? 'night' : 'universal', count: 0, night: e.night };
    shift.count += e.count;
    byHour.set(e.startHour, shift);
  }
  return [...byHour.values()].map((e) => ({ ...e, count: Math.max(1, Math.round(e.count * scale)) }));
}

/** Peak workload of the scale-1 center in Erlangs (agents busy on contacts), for the staffing rule below. */
const PEAK_LOAD_ERLANGS = 18;
/** Safety staffing: seats = load + BETA * sqrt(load). About 1.5 keeps a voice floor near 80/20. */
const SAFETY_STAFFING = 1.5;

/**
 * How much arrival rates grow with `scale`. Head count grows linearly, but a bigger pool of agents serves
 * proportionally more work at the same service level (square-root staffing). Without this a 2,000-seat floor
 * would never queue and a 10-seat one would drown. Solves A + b*sqrt(A) = scale * (A1 + b*sqrt(A1)) for A;
 * the multiplier A / A1 is exactly 1 at scale 1, about 0.15 at scale 0.2 and 52 at scale 40.
 */
export function arrivalMultiplier(scale: number): number {
  const b = SAFETY_STAFFING;
  const seats = scale * (PEAK_LOAD_ERLANGS + b * Math.sqrt(PEAK_LOAD_ERLANGS));
  const root = (-b + Math.sqrt(b * b + 4 * seats)) / 2;
  return (root * root) / PEAK_LOAD_ERLANGS;
}

const FIRST_NAMES = [
  'Aisha', 'Alex', 'Amara', 'Ana', 'Andrei', 'Anjali', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Chris', 'Dan',
  'Daniela', 'David', 'Deepa', 'Elena', 'Emeka', 'Emily', 'Emma', 'Fatima', 'Felix', 'Fiona', 'Gabriel', 'Grace',
  'Hannah', 'Hassan', 'Ibrahim', 'Ines', 'Isaac', 'Jack', 'James', 'Jana', 'Javier', 'Jin', 'Joanna', 'Jonas',
  'Julia', 'Karim', 'Kate', 'Kenji', 'Laura', 'Leila', 'Liam', 'Lina', 'Lucas', 'Lucy', 'Maya', 'Marco', 'Maria',
  'Mark', 'Mateo', 'Mei', 'Mia', 'Mohammed', 'Nadia', 'Naomi', 'Nathan', 'Nia', 'Noah', 'Olga', 'Oliver', 'Omar',
  'Paul', 'Priya', 'Rachel', 'Rahul', 'Rosa', 'Ruth', 'Ryan', 'Sam', 'Sara', 'Sean', 'Sofia', 'Sophie', 'Stefan',
  'Tariq', 'Tom', 'Tomasz', 'Uma', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Zainab', 'Ahmed', 'Beatriz', 'Conor',
  'Diana', 'Erik', 'Freya', 'George', 'Hugo', 'Irene', 'Kofi', 'Lars', 'Nina', 'Pedro', 'Rita',
];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWYZ';

/** A distinct, plausible display name for agent number `index` (stable across seeds: the same floor every day). */
export function agentName(index: number): string {
  const combos = FIRST_NAMES.length * INITIALS.length;
  // A stride coprime with the number of combinations spreads neighbours over different names.
  const c = (index * 1237) % combos;
  const name = `${FIRST_NAMES[Math.floor(c / INITIALS.length)]} ${INITIALS[c % INITIALS.length]}.`;
  const round = Math.floor(index / combos);
  return round === 0 ? name : `${name} ${round + 1}`;
}
