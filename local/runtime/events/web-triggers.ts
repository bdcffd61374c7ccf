import { createHash } from 'node:crypto';
import { invokeFunction, TIME_LIMIT_SECONDS, type AppFunctions } from './app-functions';
import type { WebTriggerModule } from './manifest-modules';

/**
 * `webtrigger` modules at stable local URLs (`<site>/x1/<id>`, the id derived from the site, app and module
 * key), called with Forge's request shape and answered from Forge's response shape, with the app's identity and
 * the 55 s limit. A result that is not a valid response is a 500, as in Forge.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger/
 */
export interface WebTriggerRequest {
  method: string;
  /** The request path, with the caller's extra segments after the trigger id. */
  path: string;
  userPath: string;
  headers: Record<string, string | string[] | undefined>;
  query: URLSearchParams;
  body: string;
}

export interface WebTriggerResponse {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

function invalid(message: string): WebTriggerResponse {
  return { status: 500, headers: { 'content-type': ['text/plain; charset=utf-8'] }, body: message };
}

/** Forge's response shape: `{ statusCode, headers: { name: [values] }, body: string }`. */
function toResponse(result: unknown): WebTriggerResponse {
  const r = result as { statusCode?: unknown; headers?: unknown; body?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.statusCode !== 'number' || !Number.isInteger(r.statusCode) || r.statusCode < 100 || r.statusCode > 599) {
    return invalid('The web trigger function did not return a valid response: { statusCode, headers, body }.');
  }
  if (r.body !== undefined && typeof r.body !== 'string') return invalid('The web trigger response body must be a string.');
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries((r.headers ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return invalid(`The web trigger response header '${name}' must be a list of strings.`);
    headers[name.toLowerCase()] = values as string[];
  }
  return { status: r.statusCode, headers, body: (r.body) ?? '' };
}

export class WebTriggers {
  private readonly byId = new Map<string, WebTriggerModule>();

  constructor(readonly modules: WebTriggerModule[], private readonly app: AppFunctions, appId: string, private readonly siteUrl: () => string) {
    for (const m of modules) this.byId.set(createHash('sha256').update(`${app.cloudId}/${appId}/${m.key}`).digest('base64url').slice(0, 24), m);
  }

  urlFor(moduleKey: string): string {
    for (const [id, m] of this.byId) if (m.key === moduleKey) return `${this.siteUrl()}/x1/${id}`;
    throw new Error(`No webtrigger '${moduleKey}' in manifest.yml`);
  }

  /** module key -> URL, as `GET /__forge/webtriggers` lists them. */
  list(): Record<string, string> {
    return Object.fromEntries(this.modules.map((m) => [m.key, this.urlFor(m.key)]));
  }

  /** Answers a request to `/x1/<id>[/userPath]`; null when the id names no web trigger. */
  async handle(id: string, request: WebTriggerRequest): Promise<WebTriggerResponse | null> {
    const m = this.byId.get(id);
    if (!m) return null;
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value : [value];
    const queryParameters: Record<string, string[]> = {};
    for (const key of new Set(request.query.keys())) queryParameters[key] = request.query.getAll(key);
    const payload = {
      method: request.method,
      headers,
      body: request.body,
      path: request.path,
      userPath: request.userPath,
      queryParameters,
      context: { cloudId: this.app.cloudId, moduleKey: m.key },
    };
    try {
      return toResponse(await invokeFunction(this.app, { functionKey: m.function, moduleKey: m.key, accountId: null, timeLimitSeconds: TIME_LIMIT_SECONDS.webTrigger }, payload));
    } catch (e) {
      console.warn(`[forge webtrigger] ${m.key} failed:`, e);
      return invalid(`The web trigger function failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
