import { kvs } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import type { IssueLock, Lease } from '../../application/planning/ports';
import type { Deadline } from '../../application/shared/deadline';
import { AppFailure, storageUnavailable } from '../../application/shared/errors';
import { kvsCall } from './kvs-call';

/**
 * A per-issue lease in Forge KVS: `set` with keyPolicy FAIL_IF_EXISTS claims it, a TTL frees it if the
 * holder dies, and the holder deletes it when done. See ADR 0002 (amended by ADR 0003).
 *
 * The TTL is longer than a resolver can live (25 s) plus the time a request it sent can still be in flight,
 * so a lease never expires under a live holder; and a holder checks its lease's age before each write, so
 * one that somehow outlived it writes nothing.
 */
export const LEASE_TTL_SECONDS = 60;
/** A holder writes only while its lease is younger than this (the function limit). */
export const LEASE_WRITE_WINDOW_MS = 25_000;
/** Longest wait for another writer's lease, when the deadline allows. */
const MAX_WAIT_MS = 15_000;
/** Time kept after the wait for the write itself. */
const KEEP_FOR_WRITE_MS = 4_000;

const lockKey = (issueId: string): string => `lock:planning-record:${issueId}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class KvsIssueLock implements IssueLock {
  constructor(private readonly deadline: Deadline) {}

  async withLock<T>(issueId: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    const key = lockKey(issueId);
    const token = randomUUID();
    const acquiredAt = await this.acquire(key, token);
    const pending: Array<Promise<unknown>> = [];
    const lease: Lease = {
      assertHeld: () => {
        if (Date.now() - acquiredAt >= LEASE_WRITE_WINDOW_MS) {
          throw new AppFailure('UNAVAILABLE', 'Saving took too long, so nothing was saved. Try again in a moment.');
        }
      },
      holdUntil: (settled) => void pending.push(settled),
    };
    try {
      return await work(lease);
    } finally {
      // A write still in flight keeps the lease until it finishes (or the TTL frees it, if the function ends first).
      if (pending.length > 0) void Promise.allSettled(pending).then(() => release(key, token, acquiredAt));
      else await release(key, token, acquiredAt);
    }
  }

  /** Claims the lease, waiting while another writer holds it; answers when the claim was sent. */
  private async acquire(key: string, token: string): Promise<number> {
    const waitUntil = Date.now() + Math.min(MAX_WAIT_MS, Math.max(0, this.deadline.remainingMs() - KEEP_FOR_WRITE_MS));
    for (let attempt = 0; ; attempt++) {
      const sentAt = Date.now();
      try {
        await kvs.set(key, token, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: LEASE_TTL_SECONDS, unit: 'SECONDS' } });
        return sentAt;
      } catch {
        // The status of a FAIL_IF_EXISTS refusal is not documented: look, to tell "held" from "storage down".
        const holder = await kvsCall('lease check', () => kvs.get(key));
        // Our own claim landed and only its answer was lost: the lease is ours (else it would block us for its TTL).
        if (holder === token) return sentAt;
        if (holder === undefined) {
          // Nobody holds it, yet the claim failed: the set itself is failing.
          if (attempt >= 2) throw storageUnavailable();
          continue;
        }
      }
      if (Date.now() >= waitUntil) {
        throw new AppFailure('UNAVAILABLE', 'Someone else is saving this planning record right now. Nothing was changed; try again in a moment.');
      }
      await sleep(Math.min(400, 20 * 2 ** Math.min(attempt, 4)) + Math.floor(Math.random() * 20));
    }
  }
}

/** A lease younger than this cannot have expired (TTL less a margin for clock and delivery), so it is ours. */
const SURELY_OURS_MS = (LEASE_TTL_SECONDS - 10) * 1_000;

/**
 * Releases only our own lease: one delete while it cannot have expired yet; after that, only if it still holds
 * our token, since it may have expired and someone else may hold it now.
 */
async function release(key: string, token: string, acquiredAt: number): Promise<void> {
  try {
    if (Date.now() - acquiredAt < SURELY_OURS_MS || (await kvs.get(key)) === token) await kvs.delete(key);
  } catch (e) {
    // The TTL frees it; the save itself is done (or reported) either way.
    console.warn(`[kvs] lease release failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
