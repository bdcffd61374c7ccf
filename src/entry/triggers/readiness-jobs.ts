import { z } from 'zod';
import { recomputeProject } from '../../application/readiness/recompute-project';
import { reconcileReadiness, type ReconcileReport } from '../../application/readiness/reconcile';
import { repairDependencyFacts } from '../../application/dependencies/repair-dependency-facts';
import { asReadinessJobDeps, dependencyFactsDeps } from '../../composition';

/** A background function's 900 s limit, less time to record how the run went. */
const JOB_BUDGET_MS = 840_000;

/** The hourly `scheduledTrigger` readiness-reconcile: catches events that were never delivered. */
export async function readinessReconcile(): Promise<ReconcileReport> {
  const deps = asReadinessJobDeps(JOB_BUDGET_MS);
  // The dependency counts follow Jira's links through events: the same pass repairs those an event missed.
  const report = await reconcileReadiness({ ...deps, repairEventFacts: (issueId) => repairDependencyFacts(dependencyFactsDeps(deps.deadline), issueId) });
  console.info(`[readiness-reconcile] ${JSON.stringify(report)}`);
  return report;
}

const recomputeEvent = z.object({ body: z.object({ projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/), generation: z.number().int().positive() }) }).loose();

/** The consumer of the readiness-recompute queue: rescores a project after its readiness settings changed. */
export async function readinessRecompute(event: unknown): Promise<void> {
  const parsed = recomputeEvent.safeParse(event);
  if (!parsed.success) {
    console.warn('[readiness-recompute] ignored: not a recompute event');
    return;
  }
  await recomputeProject(asReadinessJobDeps(JOB_BUDGET_MS), parsed.data.body.projectKey, parsed.data.body.generation);
}
