import { isPlanningItemType } from '../../domain/work-item/work-item';
import type { Deadline } from '../shared/deadline';
import type { WorkItemReader } from '../shared/ports';
import { recomputeDependencyFacts, type FactsDeps } from './publish-dependency-facts';

export interface BackfillDeps {
  reader: WorkItemReader;
  deadline: Deadline;
  /** As the app: the facts are the same for everyone. */
  app: FactsDeps;
}

/** Epics and features recomputed per round: one walk each, well within the walk's issue cap. */
const BATCH = 25;
/** Time kept for a round and the answer. */
const ROUND_MS = 4_000;

/**
 * Recomputes the JQL facts of a project's epics and features that have dependency links or records: after
 * the link types that count as dependencies change, and for links that existed before the app. Runs while
 * the budget allows; what is left is counted, and follows with the next change to each issue.
 */
export async function backfillProjectFacts(deps: BackfillDeps, projectKey: string): Promise<{ updated: number; left: number }> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) return { updated: 0, left: 0 };
  const types = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  if (types.length === 0) return { updated: 0, left: 0 };
  const { issues } = await deps.app.dependencyGraph.scan(`project = "${project.key}" AND issuetype in (${types.join(', ')}) ORDER BY key ASC`, 5_000);
  const seeds = issues.filter((i) => i.links.length > 0 || i.hasSummary).map((i) => i.id);
  let done = 0;
  while (done < seeds.length && deps.deadline.allows(ROUND_MS)) {
    const batch = seeds.slice(done, done + BATCH);
    await recomputeDependencyFacts(deps.app, batch, { withDependents: false });
    done += batch.length;
  }
  return { updated: done, left: seeds.length - done };
}
