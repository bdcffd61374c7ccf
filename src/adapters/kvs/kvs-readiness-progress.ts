import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { RecomputeStatus, RecomputeStatusStore, ReconcileCursorStore } from '../../application/readiness/ports';
import { kvsCall } from './kvs-call';

const statusSchema = z.object({
  state: z.enum(['RECOMPUTING', 'DONE', 'FAILED']),
  generation: z.number().int().nonnegative(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  scored: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  message: z.string().nullable(),
});

const statusKey = (projectKey: string): string => `readiness:recompute:${projectKey}`;
const CURSOR_KEY = 'readiness:reconcile:cursor';

/** Where a project's recompute stands (KVS), for the settings page. */
export class KvsRecomputeStatusStore implements RecomputeStatusStore {
  async get(projectKey: string): Promise<RecomputeStatus | null> {
    const parsed = statusSchema.safeParse(await kvsCall('recompute status read', () => kvs.get(statusKey(projectKey))));
    return parsed.success ? parsed.data : null;
  }

  async set(projectKey: string, status: RecomputeStatus): Promise<void> {
    await kvsCall('recompute status write', () => kvs.set(statusKey(projectKey), status));
  }
}

/** The reconciliation's resume point (KVS). */
export class KvsReconcileCursorStore implements ReconcileCursorStore {
  async get(): Promise<string | null> {
    const value = await kvsCall('reconcile cursor read', () => kvs.get(CURSOR_KEY));
    return typeof value === 'string' ? value : null;
  }

  async set(lastItemId: string | null): Promise<void> {
    await kvsCall('reconcile cursor write', () => (lastItemId === null ? kvs.delete(CURSOR_KEY) : kvs.set(CURSOR_KEY, lastItemId)));
  }
}
