/**
 * At-least-once, asynchronous delivery of events to the app's functions, with Forge's retry rules: a handler
 * asks for a retry by returning an `InvocationError` (from `@forge/events`), and gets at most 4 retries; a
 * delivery can also retry failures itself (async events). Retries and delays wait `seconds * secondsToMs`
 * milliseconds, so tests can shrink time. In chaos mode every event is delivered twice and each batch runs in
 * reverse order, so the app's handlers prove they are idempotent and do not rely on order.
 */
export const MAX_RETRIES = 4;
export const MAX_RETRY_AFTER_SECONDS = 900;

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

export type AttemptOutcome = { kind: 'done' } | { kind: 'retry'; afterSeconds: number; reason: string; data: unknown } | { kind: 'failed'; error: string };

export interface DeliveryRecord {
  label: string;
  attempt: number;
  outcome: AttemptOutcome['kind'];
  detail: string;
  at: string;
}

export interface DeliveryOptions {
  secondsToMs?: number;
  chaos?: boolean;
}

type Attempt = (retry: RetryContext | undefined) => Promise<AttemptOutcome>;

interface Job {
  label: string;
  attempt: Attempt;
  /** Told once the delivery is over: delivered, or failed, or out of retries. */
  settled?: (delivered: boolean) => void;
}

const RECORDS_KEPT = 500;

/** What `@forge/events`' InvocationError serialises to (`{ _retry: true, retryOptions }`), or null. */
export function retryRequest(result: unknown): { afterSeconds: number; reason: string; data: unknown } | null {
  const r = result as { _retry?: unknown; retryOptions?: { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown } } | null;
  if (!r || typeof r !== 'object' || r._retry !== true) return null;
  const after = typeof r.retryOptions?.retryAfter === 'number' ? r.retryOptions.retryAfter : 1;
  return { afterSeconds: Math.min(Math.max(after, 1), MAX_RETRY_AFTER_SECONDS), reason: typeof r.retryOptions?.retryReason === 'string' ? r.retryOptions.retryReason : 'FUNCTION_RETRY_REQUEST', data: r.retryOptions?.retryData };
}

/** How long a closing site waits for the handlers running at that moment. */
const STOP_WAIT_MS = 10_000;

export class DeliveryQueue {
  private readonly secondsToMs: number;
  private chaos: boolean;
  private batch: Job[] = [];
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Handlers running now: a closing site waits for them, so none writes to a store that is gone. */
  private readonly running = new Set<Promise<AttemptOutcome>>();
  private stopped = false;
  readonly records: DeliveryRecord[] = [];

  constructor(options: DeliveryOptions = {}) {
    this.secondsToMs = options.secondsToMs ?? 1000;
    this.chaos = options.chaos ?? false;
  }

  setChaos(on: boolean): void {
    this.chaos = on;
  }

  /** Queues a delivery; it starts after the current write has answered (and after `delaySeconds`). */
  enqueue(label: string, attempt: Attempt, options: { delaySeconds?: number; settled?: (delivered: boolean) => void } = {}): void {
    if (this.stopped) return;
    const copies = this.chaos ? 2 : 1;
    for (let i = 0; i < copies; i += 1) {
      this.pending += 1;
      this.later(options.delaySeconds ?? 0, () => this.addToBatch({ label, attempt, settled: options.settled }));
    }
  }

  /** Resolves once nothing is queued, running or waiting for a retry (including deliveries they cause). */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops pending timers and takes nothing new (the site is closing); resolves when running handlers are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.batch = [];
    this.pending = 0;
    this.settle();
    // A long job (a 900 s reconciliation) is not waited for past the cap: its writes then fail, as on a real stop.
    let cap: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise((resolve) => (cap = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(cap);
  }

  private later(seconds: number, fn: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, seconds * this.secondsToMs);
    this.timers.add(timer);
  }

  private addToBatch(job: Job): void {
    this.batch.push(job);
    if (this.batch.length > 1) return;
    // Events committed in the same tick form a batch; chaos mode runs it backwards.
    setImmediate(() => {
      const jobs = this.chaos ? [...this.batch].reverse() : this.batch;
      this.batch = [];
      for (const j of jobs) void this.run(j, undefined, 1);
    });
  }

  private async run(job: Job, retry: RetryContext | undefined, attempt: number): Promise<void> {
    let outcome: AttemptOutcome;
    const running = Promise.resolve().then(() => job.attempt(retry));
    this.running.add(running);
    try {
      outcome = await running;
    } catch (e) {
      outcome = { kind: 'failed', error: e instanceof Error ? e.message : String(e) };
    } finally {
      this.running.delete(running);
    }
    if (this.stopped) return;
    const retryCount = (retry?.retryCount ?? 0) + 1;
    const willRetry = outcome.kind === 'retry' && retryCount <= MAX_RETRIES;
    this.record(job.label, attempt, outcome, willRetry);
    if (outcome.kind === 'retry' && willRetry) {
      const next: RetryContext = { retryCount, retryReason: outcome.reason, retryData: outcome.data };
      this.later(outcome.afterSeconds, () => void this.run(job, next, attempt + 1));
      return;
    }
    job.settled?.(outcome.kind === 'done');
    this.pending -= 1;
    this.settle();
  }

  private record(label: string, attempt: number, outcome: AttemptOutcome, willRetry: boolean): void {
    const detail =
      outcome.kind === 'failed' ? outcome.error : outcome.kind === 'retry' ? (willRetry ? `retry in ${outcome.afterSeconds} s (${outcome.reason})` : `no retry left after ${MAX_RETRIES} retries`) : 'delivered';
    if (outcome.kind === 'failed' || (outcome.kind === 'retry' && !willRetry)) console.warn(`[forge events] ${label}: ${detail}`);
    this.records.push({ label, attempt, outcome: outcome.kind, detail, at: new Date().toISOString() });
    if (this.records.length > RECORDS_KEPT) this.records.splice(0, this.records.length - RECORDS_KEPT);
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
