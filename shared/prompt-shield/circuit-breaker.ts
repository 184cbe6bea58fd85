// A small circuit breaker: after `threshold` consecutive failures the circuit opens for `openMs`;
// calls fail fast while it is open, then one trial call decides whether it closes again.

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly threshold = 5,
    private readonly openMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** False while open (and while a half-open trial is in flight). */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.now() - this.openedAt < this.openMs || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }

  /** The half-open trial ended without telling anything about the service (its caller gave up): the slot is free
   * again, and the next call is the trial. (Only the trial's caller calls this.) */
  release(): void {
    this.trialInFlight = false;
  }

  get isOpen(): boolean {
    return this.openedAt !== undefined;
  }
}
