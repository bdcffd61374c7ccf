import { Queue } from '@forge/events';
import type { RecomputeQueue } from '../../application/readiness/ports';

/** The async event queue whose consumer recomputes a project (manifest.yml `consumer` readiness-recompute). */
export const READINESS_QUEUE = 'readiness-recompute';

export interface RecomputeEventBody {
  projectKey: string;
  generation: number;
}

export class ForgeRecomputeQueue implements RecomputeQueue {
  async request(projectKey: string, generation: number): Promise<void> {
    const body: RecomputeEventBody = { projectKey, generation };
    await new Queue({ key: READINESS_QUEUE }).push({ body: { ...body } });
  }
}
