/**
 * The time a use case may spend, so that it answers before Forge ends the function (25 s for a resolver)
 * and a retry or a wait never runs past it. The clock is passed in.
 */
export class Deadline {
  private constructor(private readonly at: number, private readonly now: () => number) {}

  static after(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  /** Whether `ms` more can be spent with `marginMs` to spare. */
  allows(ms: number, marginMs = 0): boolean {
    return this.remainingMs() > ms + marginMs;
  }
}

/** A resolver answers within Forge's 25 s limit: the app budgets 20 s and keeps the rest to answer. */
export const RESOLVER_BUDGET_MS = 20_000;
