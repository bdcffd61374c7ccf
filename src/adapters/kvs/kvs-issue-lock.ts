import { kvs } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../application/shared/errors';
import type { IssueLock } from '../../application/shared/ports';

/**
 * A per-issue lease in Forge KVS: `set` with keyPolicy FAIL_IF_EXISTS claims it, a short TTL frees it if the
 * holder dies, and the holder deletes it when done. See ADR 0002.
 */
export const LEASE_TTL_SECONDS = 10;
const WAIT_LIMIT_MS = 8_000;

const lockKey = (issueKey: string): string => `lock:planning-record:${issueKey}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class KvsIssueLock implements IssueLock {
  async withLock<T>(issueKey: string, work: () => Promise<T>): Promise<T> {
    const key = lockKey(issueKey);
    const token = randomUUID();
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await kvs.set(key, token, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: LEASE_TTL_SECONDS, unit: 'SECONDS' } });
        break;
      } catch {
        // Held by another writer (the status of that answer is not documented, so any refusal counts as held).
        if (Date.now() - started > WAIT_LIMIT_MS) {
          throw new AppFailure('UNAVAILABLE', 'Someone else is saving this planning record right now. Try again in a moment; nothing was changed.');
        }
        await sleep(Math.min(400, 20 * 2 ** Math.min(attempt, 4)) + Math.floor(Math.random() * 20));
      }
    }
    try {
      return await work();
    } finally {
      // Release only our own lease: if it expired and someone else holds it now, leave theirs alone.
      if ((await kvs.get(key)) === token) await kvs.delete(key);
    }
  }
}
