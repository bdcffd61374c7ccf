import { randomUUID } from 'node:crypto';
import { backgroundLimit, invokeFunction, type AppFunctions } from './app-functions';
import { retryRequest, type AttemptOutcome, type DeliveryQueue, type RetryContext } from './delivery';
import type { ConsumerModule } from './manifest-modules';

/**
 * The platform side of `@forge/events`' `Queue`: what `push`, `getStats` and `cancel` send through
 * `__forge_fetch__`, and the delivery of each event to the queue's `consumer` with the app's identity.
 * Limits as documented: at most 50 events and 200 KB per push, `delayInSeconds` 0..900, 500 events per minute
 * per installation. A consumer that returns an `InvocationError` is retried after its `retryAfter`; one that
 * throws or times out is retried with exponential backoff (2, 4, 8, 16 s); at most 4 retries either way.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export const PUSH_LIMITS = { events: 50, bytes: 200 * 1024, delaySeconds: 900, eventsPerMinute: 500 } as const;

export interface PlatformAnswer {
  status: number;
  body: unknown;
}

interface PushRequest {
  queueName?: unknown;
  jobId?: unknown;
  payload?: unknown;
}

interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
  cancelled: boolean;
}

const backoffSeconds = (retryCount: number): number => 2 ** (retryCount + 1);

export class AsyncEvents {
  private readonly jobs = new Map<string, JobStats>();
  private readonly recentPushes: number[] = [];

  constructor(private readonly consumers: ConsumerModule[], private readonly app: AppFunctions, private readonly queue: DeliveryQueue) {}

  push(request: PushRequest): PlatformAnswer {
    const events = request.payload;
    if (typeof request.queueName !== 'string' || typeof request.jobId !== 'string' || !Array.isArray(events)) return { status: 400, body: { message: 'queueName, jobId and payload are required' } };
    if (events.length > PUSH_LIMITS.events) return { status: 413, body: { errorMessage: `This push contains more than the ${PUSH_LIMITS.events} events allowed.` } };
    if (Buffer.byteLength(JSON.stringify(events)) > PUSH_LIMITS.bytes) return { status: 413, body: { errorMessage: `The maximum payload size is ${PUSH_LIMITS.bytes / 1024}KB.` } };
    const now = Date.now();
    while (this.recentPushes.length > 0 && this.recentPushes[0]! < now - 60_000) this.recentPushes.shift();
    if (this.recentPushes.length + events.length > PUSH_LIMITS.eventsPerMinute) return { status: 429, body: { message: 'Too many requests.' } };
    const consumers = this.consumers.filter((c) => c.queue === request.queueName);
    if (consumers.length === 0) return { status: 400, body: { message: `No consumer in manifest.yml for the queue '${request.queueName}'.` } };
    const stats: JobStats = { success: 0, inProgress: events.length * consumers.length, failed: 0, cancelled: false };
    this.jobs.set(request.jobId, stats);
    for (const event of events as Array<{ body?: unknown; delayInSeconds?: unknown }>) {
      this.recentPushes.push(now);
      const delay = typeof event.delayInSeconds === 'number' ? Math.min(Math.max(event.delayInSeconds, 0), PUSH_LIMITS.delaySeconds) : 0;
      const eventId = randomUUID();
      for (const consumer of consumers) this.deliver(consumer, { queueName: request.queueName, jobId: request.jobId, eventId, body: event.body }, stats, delay);
    }
    return { status: 201, body: {} };
  }

  stats(request: PushRequest): PlatformAnswer {
    const job = typeof request.jobId === 'string' ? this.jobs.get(request.jobId) : undefined;
    if (!job) return { status: 404, body: {} };
    return { status: 200, body: { success: job.success, inProgress: job.inProgress, failed: job.failed } };
  }

  cancel(request: PushRequest): PlatformAnswer {
    const job = typeof request.jobId === 'string' ? this.jobs.get(request.jobId) : undefined;
    if (!job) return { status: 404, body: {} };
    job.cancelled = true;
    return { status: 204, body: undefined };
  }

  private deliver(consumer: ConsumerModule, event: { queueName: string; jobId: string; eventId: string; body: unknown }, stats: JobStats, delaySeconds: number): void {
    const call = { functionKey: consumer.function, moduleKey: consumer.key, accountId: null, timeLimitSeconds: backgroundLimit(this.app, consumer.function) };
    const attempt = async (retryContext: RetryContext | undefined): Promise<AttemptOutcome> => {
      if (stats.cancelled) return { kind: 'done' };
      const asyncEvent = { ...event, ...(retryContext ? { retryContext } : {}) };
      // A resolver-style consumer gets a resolver call: the body as its payload, the rest in its context.
      const { body, ...about } = asyncEvent;
      const payload = consumer.resolverMethod ? { call: { functionKey: consumer.resolverMethod, payload: body, jobId: event.jobId }, context: about } : asyncEvent;
      try {
        const retry = retryRequest(await invokeFunction(this.app, call, payload));
        return retry ? { kind: 'retry', ...retry } : { kind: 'done' };
      } catch (e) {
        // The platform retries a consumer that fails or times out, with exponential backoff.
        const reason = e instanceof Error && /timed out/.test(e.message) ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
        return { kind: 'retry', afterSeconds: backoffSeconds(retryContext?.retryCount ?? 0), reason, data: undefined };
      }
    };
    const settled = (delivered: boolean): void => {
      stats.inProgress -= 1;
      stats[delivered ? 'success' : 'failed'] += 1;
    };
    this.queue.enqueue(`${consumer.key} <- ${event.queueName} ${event.eventId}`, attempt, { delaySeconds, settled });
  }
}
