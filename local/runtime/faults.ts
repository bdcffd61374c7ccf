import { randomUUID } from 'node:crypto';

/**
 * Fault injection for the app's calls to Jira and Forge KVS in the offline runtime: an evaluator or a test
 * makes a route answer 429/5xx, hang, lose its answer after the write landed, or slow down, and watches
 * what the app tells its users. Rules are matched per product and route; latency applies to every call.
 */
export type FaultProduct = 'jira' | 'kvs';
export const FAULT_PRODUCTS: readonly FaultProduct[] = ['jira', 'kvs'];
export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export type FaultEffect =
  | { type: 'status'; status: FaultStatus; retryAfterSeconds?: number }
  | { type: 'hang' }
  | { type: 'drop-after-commit' }
  | { type: 'delay' };

export interface FaultRule {
  product: FaultProduct;
  /** HTTP method (Jira); KVS calls are all POSTs. Any method when absent. */
  method?: string;
  /** A glob on the path without its query (`*` within a segment, `**` across segments), or a RegExp source starting with `^`. */
  path: string;
  /** Apply to the next N matching calls only; every matching call when absent. */
  times?: number;
  /** Let the first N matching calls through untouched. */
  skip?: number;
  /** Added before the call (and before the effect). */
  delayMs?: number;
  /** Act on a matching call with this chance (0 to 1), e.g. random 429s under load; every call when absent. */
  probability?: number;
  effect: FaultEffect;
}

export interface FaultRuleView extends FaultRule {
  id: string;
  /** Matching calls seen so far (skipped ones included). */
  matched: number;
  /** Calls the rule acted on. */
  hits: number;
}

export type LatencyMs = Partial<Record<FaultProduct, number>>;

interface ActiveRule extends FaultRuleView {
  pattern: RegExp;
}

/** Raised when a rule given to `add` (or POSTed to the admin endpoint) is malformed. */
export class FaultRuleError extends Error {}

/** What a dropped connection looks like to the app: Node's fetch rejects with a TypeError whose cause is the socket error. */
function networkError(reason: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(reason), { code: 'ECONNRESET' }) });
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function pathPattern(path: string): RegExp {
  if (!path.startsWith('^')) return globToRegExp(path);
  try {
    return new RegExp(path);
  } catch (e) {
    throw new FaultRuleError(`path is not a valid RegExp: ${(e as Error).message}`);
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseEffect(input: unknown): FaultEffect {
  const e = (input ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'status': {
      if (!FAULT_STATUSES.includes(e.status as FaultStatus)) throw new FaultRuleError(`effect.status must be one of ${FAULT_STATUSES.join(', ')}`);
      if (e.retryAfterSeconds !== undefined && !isCount(e.retryAfterSeconds)) throw new FaultRuleError('effect.retryAfterSeconds must be a whole number of seconds');
      return { type: 'status', status: e.status as FaultStatus, ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}) };
    }
    case 'hang':
    case 'drop-after-commit':
    case 'delay':
      return { type: e.type };
    default:
      throw new FaultRuleError("effect.type must be 'status', 'hang', 'drop-after-commit' or 'delay'");
  }
}

/** Validates a rule from an untrusted source (JSON body, test); throws FaultRuleError with the first problem. */
export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultRuleError('A rule is a JSON object: {product, method?, path, times?, skip?, delayMs?, effect}');
  const r = input as Record<string, unknown>;
  if (!FAULT_PRODUCTS.includes(r.product as FaultProduct)) throw new FaultRuleError(`product must be one of ${FAULT_PRODUCTS.join(', ')}`);
  if (typeof r.path !== 'string' || !r.path.startsWith('/') && !r.path.startsWith('^')) throw new FaultRuleError("path must be a glob starting with '/' or a RegExp source starting with '^'");
  if (r.method !== undefined && (typeof r.method !== 'string' || !/^[A-Za-z]+$/.test(r.method))) throw new FaultRuleError('method must be an HTTP method name');
  for (const field of ['times', 'skip', 'delayMs'] as const) {
    if (r[field] !== undefined && !isCount(r[field])) throw new FaultRuleError(`${field} must be a non-negative whole number`);
  }
  if (r.probability !== undefined && !(typeof r.probability === 'number' && r.probability > 0 && r.probability <= 1)) throw new FaultRuleError('probability must be a number above 0 and at most 1');
  pathPattern(r.path);
  const rule: FaultRule = { product: r.product as FaultProduct, path: r.path, effect: parseEffect(r.effect) };
  if (r.method !== undefined) rule.method = (r.method).toUpperCase();
  if (r.times !== undefined) rule.times = r.times as number;
  if (r.skip !== undefined) rule.skip = r.skip as number;
  if (r.delayMs !== undefined) rule.delayMs = r.delayMs as number;
  if (r.probability !== undefined) rule.probability = r.probability;
  return rule;
}

/** Reads JIRA_LATENCY_MS and KVS_LATENCY_MS; an explicit option wins over the environment. */
export function latencyFromEnv(env: NodeJS.ProcessEnv, explicit: LatencyMs = {}): LatencyMs {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const ms = Number(raw);
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`${name} must be a number of milliseconds, not '${raw}'`);
    return ms;
  };
  return { jira: explicit.jira ?? read('JIRA_LATENCY_MS'), kvs: explicit.kvs ?? read('KVS_LATENCY_MS') };
}

/** A Jira-shaped error answer, or the `{code, message}` body the KVS service answers with. */
function statusResponse(product: FaultProduct, effect: Extract<FaultEffect, { type: 'status' }>): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (effect.retryAfterSeconds !== undefined) headers['retry-after'] = String(effect.retryAfterSeconds);
  const message = effect.status === 429 ? 'Rate limit exceeded.' : `Injected fault: the service answered ${effect.status}.`;
  const body = product === 'jira' ? { errorMessages: [message], errors: {} } : { code: effect.status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_SERVER_ERROR', message };
  return new Response(JSON.stringify(body), { status: effect.status, headers });
}

export class FaultInjector {
  private readonly rules = new Map<string, ActiveRule>();
  /** Calls parked by a delay or a hang; `close` lets them go with a network error so nothing waits forever. */
  private readonly parked = new Set<(error: Error) => void>();
  private latency: LatencyMs = {};

  add(rule: FaultRule): string {
    const valid = parseFaultRule(rule);
    const id = randomUUID();
    this.rules.set(id, { ...valid, id, matched: 0, hits: 0, pattern: pathPattern(valid.path) });
    return id;
  }

  /** True when a rule with this id existed. */
  remove(id: string): boolean {
    return this.rules.delete(id);
  }

  clear(): void {
    this.rules.clear();
  }

  list(): FaultRuleView[] {
    return [...this.rules.values()].map(({ pattern: _pattern, ...view }) => ({ ...view, effect: { ...view.effect } }));
  }

  setLatency(latency: LatencyMs): void {
    this.latency = { ...latency };
  }

  getLatency(): LatencyMs {
    return { ...this.latency };
  }

  /** Releases every delayed or hanging call with a network error (the site is closing). */
  close(): void {
    for (const release of [...this.parked]) release(networkError('the offline site closed'));
    this.parked.clear();
  }

  /**
   * Runs one app call to `product` through the rules: waits the latency and the rule's delay, then either
   * answers for the service, never answers, or calls `call` (the emulator) and passes or drops its answer.
   */
  async apply(product: FaultProduct, method: string, pathAndQuery: string, call: () => Promise<Response>, signal?: AbortSignal | null): Promise<Response> {
    const rule = this.take(product, method.toUpperCase(), pathAndQuery.split('?')[0]!);
    const delay = (this.latency[product] ?? 0) + (rule?.delayMs ?? 0);
    if (delay > 0) await this.park(signal, delay);
    switch (rule?.effect.type) {
      case 'status':
        return statusResponse(product, rule.effect);
      case 'hang':
        // Parked without a timer: it only ever ends by rejecting (abort or close).
        return this.park(signal, null) as Promise<never>;
      case 'drop-after-commit':
        await call();
        throw networkError('socket hang up');
      default:
        return call();
    }
  }

  /** The first rule that matches and still has calls to act on; counts the call against every matching rule's skip. */
  private take(product: FaultProduct, method: string, path: string): ActiveRule | undefined {
    for (const rule of this.rules.values()) {
      if (rule.product !== product || (rule.method && rule.method !== method) || !rule.pattern.test(path)) continue;
      rule.matched += 1;
      if (rule.matched <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
      rule.hits += 1;
      return rule;
    }
    return undefined;
  }

  /**
   * Waits `ms` (or forever when null) unless the caller aborts or the site closes. A hang holds no timer, so
   * it never keeps the process alive; a delay ends by itself, like a slow network.
   */
  private park(signal: AbortSignal | null | undefined, ms: number | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const release = (error: Error | null): void => {
        this.parked.delete(release);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onAbort = (): void => release(signal?.reason instanceof Error ? signal.reason : new Error('The operation was aborted.'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.parked.add(release);
      if (ms !== null) timer = setTimeout(() => release(null), ms);
    });
  }
}
