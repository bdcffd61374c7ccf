import { JsonFile } from '../json-file';

/**
 * Forge KVS emulator speaking the wire protocol that the unmodified `@forge/kvs` client sends through
 * `__forge_fetch__`: JSON POSTs to /api/v1/{get,set,delete,query,batch/*,transaction,secret/*}.
 * Errors are `{code, message}` bodies with non-2xx status, as the client's error handling expects.
 *
 * Platform facts: keys up to 500 characters of [a-zA-Z0-9:._\s#-]; queries by key prefix, at most 20 a page.
 * The status code for a FAIL_IF_EXISTS collision is not documented; this emulator answers 409
 * KEY_ALREADY_EXISTS, and the app treats any error from such a set as "key exists".
 */
interface Entry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

interface KvsState {
  values: Record<string, Entry>;
  secrets: Record<string, Entry>;
}

export interface KvsResponse {
  status: number;
  body?: unknown;
}

const KEY_PATTERN = /^[a-zA-Z0-9:._\s#-]{1,500}$/;
const MAX_QUERY_LIMIT = 20;
const MAX_DEPTH = 32;
const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

class KvsError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value as Record<string, unknown>)) max = Math.max(max, depth(v));
  return 1 + max;
}

export class KvsEmulator {
  private state: KvsState;
  private readonly file: JsonFile<KvsState>;

  constructor(path: string | null, private readonly now: () => number = Date.now, options: { reset?: boolean } = {}) {
    this.file = new JsonFile<KvsState>(path, options);
    this.state = { values: {}, secrets: {}, ...this.file.load() };
  }

  /**
   * Handles one request from `@forge/kvs`: path like `/api/v1/set`, body the JSON the client sent. Answers
   * only once what the request changed is on disk, so an acknowledged write survives a crash.
   */
  async handle(path: string, body: unknown): Promise<KvsResponse> {
    const response = this.handleItem(() => this.dispatch(path, body));
    await this.file.durable();
    return response;
  }

  /** True before anything was ever stored (a new or reset data directory). */
  isEmpty(): boolean {
    return Object.keys(this.state.values).length === 0 && Object.keys(this.state.secrets).length === 0;
  }

  /** Every live value by key (secrets left out): what tests compare to prove nothing changed. */
  values(): Record<string, unknown> {
    const now = this.now();
    return Object.fromEntries(Object.entries(this.state.values).filter(([, e]) => e.expireAt === null || e.expireAt > now).map(([k, e]) => [k, e.value]));
  }

  /** Saves everything and releases the files; call it before another emulator opens the same directory. */
  close(): Promise<void> {
    return this.file.close(this.state);
  }

  private changed(): void {
    this.file.changed(() => this.state);
  }

  private dispatch(path: string, body: unknown): KvsResponse {
    const b = (body ?? {}) as Record<string, unknown>;
    switch (path) {
      case '/api/v1/get':
        return this.get(this.state.values, b);
      case '/api/v1/secret/get':
        return this.get(this.state.secrets, b);
      case '/api/v1/set':
        return this.set(this.state.values, b);
      case '/api/v1/secret/set':
        return this.set(this.state.secrets, b);
      case '/api/v1/delete':
        return this.delete(this.state.values, b);
      case '/api/v1/secret/delete':
        return this.delete(this.state.secrets, b);
      case '/api/v1/query':
        return this.query(b);
      case '/api/v1/batch/set':
        return this.batch(body, (item) => this.set(this.state.values, item));
      case '/api/v1/batch/delete':
        return this.batch(body, (item) => this.delete(this.state.values, item));
      case '/api/v1/batch/get':
        return this.batchGet(body);
      case '/api/v1/transaction':
        return this.transaction(b);
      default:
        if (path.startsWith('/api/v1/entity/')) throw new KvsError(501, 'NOT_IMPLEMENTED', 'Custom entities are not emulated; the app does not use them.');
        throw new KvsError(404, 'NOT_FOUND', `Unknown KVS endpoint ${path}`);
    }
  }

  private live(map: Record<string, Entry>, key: string): Entry | undefined {
    const entry = map[key];
    if (entry && entry.expireAt !== null && entry.expireAt <= this.now()) {
      delete map[key];
      this.changed();
      return undefined;
    }
    return entry;
  }

  private key(b: Record<string, unknown>): string {
    const key = b.key;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new KvsError(400, 'INVALID_KEY', 'Keys must be 1-500 characters of [a-zA-Z0-9:._\\s#-].');
    }
    return key;
  }

  private view(key: string, e: Entry): Record<string, unknown> {
    return { key, value: e.value, createdAt: e.createdAt, updatedAt: e.updatedAt, ...(e.expireAt !== null ? { expireTime: new Date(e.expireAt).toISOString() } : {}) };
  }

  private get(map: Record<string, Entry>, b: Record<string, unknown>): KvsResponse {
    const key = this.key(b);
    const entry = this.live(map, key);
    if (!entry) throw new KvsError(404, 'KEY_NOT_FOUND', `Key '${key}' not found`);
    return { status: 200, body: this.view(key, entry) };
  }

  private set(map: Record<string, Entry>, b: Record<string, unknown>): KvsResponse {
    const key = this.key(b);
    if (b.value === undefined) throw new KvsError(400, 'INVALID_VALUE', 'A value is required.');
    if (depth(b.value) > MAX_DEPTH) throw new KvsError(400, 'INVALID_VALUE', `Values may be nested at most ${MAX_DEPTH} levels deep.`);
    const options = (b.options ?? {}) as { ttl?: { value: number; unit: keyof typeof TTL_UNIT_MS }; keyPolicy?: string; returnValue?: 'PREVIOUS' | 'LATEST' };
    const previous = this.live(map, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, 'KEY_ALREADY_EXISTS', `Key '${key}' already exists`);
    }
    let expireAt: number | null = null;
    if (options.ttl) {
      const unit = TTL_UNIT_MS[options.ttl.unit];
      if (!unit || !(options.ttl.value > 0)) throw new KvsError(400, 'INVALID_TTL', 'TTL needs a positive value and a unit of SECONDS, MINUTES, HOURS or DAYS.');
      expireAt = this.now() + options.ttl.value * unit;
    }
    const t = this.now();
    const entry: Entry = { value: b.value, createdAt: previous?.createdAt ?? t, updatedAt: t, expireAt };
    map[key] = entry;
    this.changed();
    if (options.keyPolicy === 'OVERRIDE' && options.returnValue) {
      const shown = options.returnValue === 'PREVIOUS' ? previous : entry;
      return { status: 200, body: shown ? this.view(key, shown) : {} };
    }
    return { status: 204 };
  }

  private delete(map: Record<string, Entry>, b: Record<string, unknown>): KvsResponse {
    const key = this.key(b);
    if (!this.live(map, key)) throw new KvsError(404, 'KEY_NOT_FOUND', `Key '${key}' not found`);
    delete map[key];
    this.changed();
    return { status: 204 };
  }

  private query(b: Record<string, unknown>): KvsResponse {
    const limit = b.limit === undefined ? 10 : Number(b.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) throw new KvsError(400, 'INVALID_LIMIT', `limit must be between 1 and ${MAX_QUERY_LIMIT}`);
    const where = (b.where as Array<{ property: string; condition: string; values: unknown[] }> | undefined) ?? [];
    let keys = Object.keys(this.state.values).filter((k) => this.live(this.state.values, k)).sort();
    for (const w of where) {
      if (w.property !== 'key' || w.condition !== 'BEGINS_WITH') throw new KvsError(400, 'INVALID_WHERE', 'Only key BEGINS_WITH is supported by KVS queries.');
      const first = w.values[0];
      const prefix = typeof first === 'string' || typeof first === 'number' ? String(first) : '';
      keys = keys.filter((k) => k.startsWith(prefix));
    }
    const after = typeof b.after === 'string' ? Buffer.from(b.after, 'base64url').toString('utf8') : null;
    if (after !== null) keys = keys.filter((k) => k > after);
    const page = keys.slice(0, limit);
    const more = keys.length > limit;
    return {
      status: 200,
      body: {
        data: page.map((k) => {
          const e = this.state.values[k]!;
          return { key: k, value: e.value, ...(e.expireAt !== null ? { expireTime: new Date(e.expireAt).toISOString() } : {}) };
        }),
        ...(more ? { cursor: Buffer.from(page[page.length - 1]!).toString('base64url') } : {}),
      },
    };
  }

  private batch(body: unknown, op: (item: Record<string, unknown>) => KvsResponse): KvsResponse {
    if (!Array.isArray(body)) throw new KvsError(400, 'INVALID_REQUEST', 'Batch requests take an array of items.');
    if (body.length > 25) throw new KvsError(400, 'INVALID_REQUEST', 'Batch requests take at most 25 items.');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body as Array<Record<string, unknown>>) {
      const r = this.handleItem(() => op(item));
      if (r.status < 300) successfulKeys.push({ key: item.key });
      else failedKeys.push({ key: item.key, error: r.body });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(body: unknown): KvsResponse {
    if (!Array.isArray(body)) throw new KvsError(400, 'INVALID_REQUEST', 'Batch requests take an array of items.');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body as Array<Record<string, unknown>>) {
      const r = this.handleItem(() => this.get(this.state.values, item));
      if (r.status === 200) successfulKeys.push(r.body);
      else failedKeys.push({ key: item.key, error: r.body });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private handleItem(fn: () => KvsResponse): KvsResponse {
    try {
      return fn();
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: { code: e.code, message: e.message } };
      throw e;
    }
  }

  /** All-or-nothing: validated against a copy, committed only when every operation succeeds. */
  private transaction(b: Record<string, unknown>): KvsResponse {
    const sets = (b.set as Array<Record<string, unknown>> | undefined) ?? [];
    const deletes = (b.delete as Array<Record<string, unknown>> | undefined) ?? [];
    if ((b.check as unknown[] | undefined)?.length) throw new KvsError(501, 'NOT_IMPLEMENTED', 'Transaction checks apply to custom entities, which are not emulated.');
    const snapshot = structuredClone(this.state.values);
    try {
      for (const s of sets) this.set(this.state.values, s);
      for (const d of deletes) {
        const key = this.key(d);
        delete this.state.values[key];
      }
    } catch (e) {
      this.state.values = snapshot;
      throw e;
    }
    this.changed();
    return { status: 204 };
  }
}
