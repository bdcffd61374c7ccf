import type { APIResponse, RequestProductMethod, Route } from '@forge/api';
import { AppFailure } from '../../application/shared/errors';

/**
 * The one way the app talks to Jira: a `requestJira` function from `@forge/api`, bound to the acting user
 * (`asUser()`, resolvers) or to the app (`asApp()`, triggers). Paths must be built with the `route` tag.
 */
export type RequestJira = RequestProductMethod;

export class JiraClient {
  constructor(private readonly requestJira: RequestJira) {}

  /** GET/POST that returns parsed JSON, or null on 404 (missing, or not visible to the caller). */
  async json<T>(path: Route, init?: { method?: string; body?: unknown }): Promise<T | null> {
    const response = await this.request(path, init);
    if (response.status === 404) return null;
    if (response.ok) return (await response.json()) as T;
    throw await failureFrom(response);
  }

  /** A write whose answer has no body we need (PUT, DELETE); 404 is an error here. */
  async send(path: Route, init: { method: string; body?: unknown }): Promise<void> {
    const response = await this.request(path, init);
    if (response.status === 404) throw new AppFailure('NOT_FOUND', 'The issue does not exist or you do not have permission to see it.');
    if (!response.ok) throw await failureFrom(response);
  }

  private request(path: Route, init?: { method?: string; body?: unknown }): Promise<APIResponse> {
    return this.requestJira(path, {
      method: init?.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init?.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(init?.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  }
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
  if (response.status === 429 || response.status >= 500) return new AppFailure('UNAVAILABLE', 'Jira is busy or unavailable. Try again in a moment.');
  return new AppFailure('INTERNAL', `Unexpected answer from Jira (HTTP ${response.status}). ${detail}`.trim());
}
