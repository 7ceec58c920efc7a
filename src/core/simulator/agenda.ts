/**
 * The simulator's agenda: happenings wait in a binary heap ordered by (time, insertion order), so the stream of
 * events is identical however `runUntil` is chunked. It also keeps the time of the happening being processed (the
 * `ts` of what it emits) and numbers the events it emits.
 */
import type { CanonicalEventInput } from '../model/events';
import { BinaryHeap } from '../binary-heap';
import type { Agent, QueueRuntime, Shift, SimContact } from './floor-state';
import type { Activity } from './shift-plan';

export type Task =
  | { kind: 'open' }
  | { kind: 'plan-day'; day: number }
  | { kind: 'arrival'; queue: QueueRuntime }
  | { kind: 'abandon'; contact: SimContact }
  | { kind: 'answer'; contact: SimContact }
  | { kind: 'reply'; contact: SimContact; index: number }
  | { kind: 'message'; contact: SimContact }
  | { kind: 'end'; contact: SimContact }
  | { kind: 'wrap-end'; contact: SimContact }
  | { kind: 'login'; agent: Agent; shift: Shift; activities: Activity[] }
  | { kind: 'activity'; agent: Agent; shift: Shift; activity: Activity }
  | { kind: 'not-ready-end'; agent: Agent; token: number }
  | { kind: 'shift-end'; agent: Agent; shift: Shift };

/** One entry of the agenda; a fixed shape keeps the heap's comparisons monomorphic. */
interface Scheduled {
  at: number;
  seq: number;
  task: Task;
}

const SECOND = 1000;

export class Agenda {
  /** Time of the happening being processed. */
  clock: number;
  private seq = 0;
  private readonly heap = new BinaryHeap<Scheduled>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private out: CanonicalEventInput[] = [];
  private eventCount = 0;

  constructor(start: number, private readonly idPrefix: string) {
    this.clock = start;
  }

  /** At `at` (ms, rounded; never before the happening being processed). */
  schedule(at: number, task: Task): void {
    this.heap.push({ at: Math.max(this.clock, Math.round(at)), seq: this.seq++, task });
  }

  after(seconds: number, task: Task): void {
    this.schedule(this.clock + seconds * SECOND, task);
  }

  /** The id of the next event emitted. Call sites write whole event literals (no spreads: the hot path at scale 40). */
  nextId(): string {
    return `${this.idPrefix}-${++this.eventCount}`;
  }

  emit(event: CanonicalEventInput): void {
    this.out.push(event);
  }

  /** Process every happening due by `t`, in order; the events they emitted; the clock left at `t`. */
  runUntil(t: number, handle: (task: Task) => void): CanonicalEventInput[] {
    this.out = [];
    for (let next = this.heap.peek(); next !== undefined && next.at <= t; next = this.heap.peek()) {
      this.heap.pop();
      this.clock = next.at;
      handle(next.task);
    }
    this.clock = t;
    return this.out;
  }
}
