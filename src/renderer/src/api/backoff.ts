/**
 * Reconnect delays: doubling from `initialMs` up to `maxMs`, with ±20 % jitter so a room full of
 * wallboards does not reconnect in lockstep after the host restarts.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly initialMs = 500,
    private readonly maxMs = 10_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    const jitter = 1 + (this.random() * 0.4 - 0.2);
    return Math.round(base * jitter);
  }

  reset(): void {
    this.attempt = 0;
  }
}
