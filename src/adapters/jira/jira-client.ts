import type { APIResponse, RequestProductMethod, Route } from '@forge/api';
import { Deadline, RESOLVER_BUDGET_MS } from '../../application/shared/deadline';
import { AppFailure, jiraUnavailable, UnconfirmedWrite } from '../../application/shared/errors';

/**
 * The one way the app talks to Jira: a `requestJira` function from `@forge/api`, bound to the acting user
 * (`asUser()`, resolvers) or to the app (`asApp()`, triggers). Paths must be built with the `route` tag.
 *
 * Within the caller's deadline it retries what is safe to retry: a 429 after its Retry-After, and a 5xx or
 * a lost answer on an idempotent call (GET, PUT, DELETE, and read-only POSTs the caller marks). A write
 * whose answer does not come in time is an `UnconfirmedWrite`: it may still land.
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 */
export type RequestJira = RequestProductMethod;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A POST that only reads (search, bulkfetch) may be retried like a GET. */
  readOnly?: boolean;
}

const MAX_ATTEMPTS = 4;
/** Never wait longer than this for one Retry-After, whatever Jira asks. */
const MAX_RETRY_WAIT_MS = 5_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class JiraClient {
  constructor(private readonly requestJira: RequestJira, private readonly deadline: Deadline = Deadline.after(RESOLVER_BUDGET_MS)) {}

  /** A call that returns parsed JSON, or null on 404 (missing, or not visible to the caller). */
  async json<T>(path: Route, init?: RequestOptions): Promise<T | null> {
    const response = await this.request(path, init);
    if (response.status === 404) return null;
    if (response.ok) return (await response.json()) as T;
    throw await failureFrom(response);
  }

  /** A write whose answer has no body we need (PUT, DELETE); 404 is an error here. */
  async send(path: Route, init: RequestOptions & { method: string }): Promise<void> {
    const response = await this.request(path, init);
    if (response.status === 404) throw new AppFailure('NOT_FOUND', 'The issue does not exist or you do not have permission to see it.');
    if (!response.ok) throw await failureFrom(response);
  }

  private async request(path: Route, init: RequestOptions = {}): Promise<APIResponse> {
    const method = (init.method ?? 'GET').toUpperCase();
    const retryable = init.readOnly === true || method === 'GET' || method === 'PUT' || method === 'DELETE';
    const writes = !(init.readOnly === true || method === 'GET');
    for (let attempt = 1; ; attempt++) {
      const call = this.requestJira(path, {
        method,
        headers: { Accept: 'application/json', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      let response: APIResponse;
      try {
        response = await this.withinDeadline(call, writes);
      } catch (e) {
        if (e instanceof AppFailure) throw e;
        // The answer was lost (connection reset, proxy failure): the call may or may not have happened.
        if (retryable && attempt < MAX_ATTEMPTS && this.deadline.allows(backoffMs(attempt))) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw writes ? new UnconfirmedWrite(call.catch(() => undefined)) : jiraUnavailable('nothing could be read');
      }
      const wait = retryWaitMs(response, attempt, retryable);
      if (wait === null || attempt >= MAX_ATTEMPTS || !this.deadline.allows(wait, 500)) return response;
      await sleep(wait);
    }
  }

  /** Races a call against the deadline; a write that runs out of time may still land. */
  private async withinDeadline(call: Promise<APIResponse>, writes: boolean): Promise<APIResponse> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(writes ? new UnconfirmedWrite(call.catch(() => undefined)) : jiraUnavailable('nothing could be read in time')), this.deadline.remainingMs());
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Exponential backoff with jitter: about 200, 400, 800 ms. */
function backoffMs(attempt: number): number {
  return 100 * 2 ** attempt + Math.floor(Math.random() * 100);
}

/** How long to wait before retrying this answer, or null when it is final. */
function retryWaitMs(response: APIResponse, attempt: number, retryable: boolean): number | null {
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return Math.min(MAX_RETRY_WAIT_MS, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : backoffMs(attempt));
  }
  if (response.status >= 500 && retryable) return backoffMs(attempt);
  return null;
}

async function failureFrom(response: APIResponse): Promise<AppFailure> {
  let detail = '';
  try {
    const body = (await response.json()) as { errorMessages?: string[]; errors?: Record<string, string> };
    detail = [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})].join(' ');
  } catch {
    // Jira sometimes answers errors without a JSON body.
  }
  if (response.status === 401 || response.status === 403) return new AppFailure('FORBIDDEN', detail || 'Jira refused the request: you do not have permission.');
  if (response.status === 400) return new AppFailure('INVALID_INPUT', detail || 'Jira rejected the request.');
  // A limit of Jira's (for example 2,000 links per issue): nothing was saved, and Jira's message says which.
  if (response.status === 413) return new AppFailure('INVALID_INPUT', `Jira refused the change: it would pass one of Jira's limits. ${detail}`.trim());
  if (response.status === 429 || response.status >= 500) return jiraUnavailable();
  return new AppFailure('INTERNAL', `Unexpected answer from Jira (HTTP ${response.status}). ${detail}`.trim());
}
