import { publishFacts, type PublishFactsDeps, type PublishOutcome } from '../item-summary/publish-facts';
import type { IssueLock } from '../planning/ports';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { gatherPlanningFacts, type GatherDeps } from './gather-planning-facts';

export interface RefreshDeps extends GatherDeps, PublishFactsDeps {
  lock: IssueLock;
}

export type RefreshOutcome = PublishOutcome | 'not a planning item';

/**
 * Brings an epic's or feature's planning facts, and so its readiness, up to date with Jira. The facts are
 * read under the issue's lease, so of two events racing the later lease holder publishes the later state;
 * a repeated or reordered event reads the same current state and writes nothing.
 */
export function refreshPlanningFacts(deps: RefreshDeps, issueId: string): Promise<RefreshOutcome> {
  return deps.lock.withLock(issueId, async () => {
    const facts = await gatherPlanningFacts(deps, issueId);
    if (!facts) return 'not a planning item';
    return (await publishFacts(deps, issueId, { planningFacts: facts })).outcome;
  });
}

/** How many levels up a change can matter: a story's points count for its feature and its epic. */
const MAX_LEVELS_UP = 4;

/**
 * The planning items a change to these issues may change the facts of: each issue itself when it is an epic
 * or feature, and every ancestor (children and story points roll up). Issue ids or keys; ids come back.
 */
export async function affectedPlanningItems(deps: Pick<GatherDeps, 'reader'>, issueIdsOrKeys: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const start of issueIdsOrKeys) {
    let next: string | null = start;
    for (let level = 0; next !== null && level <= MAX_LEVELS_UP; level++) {
      const item = await deps.reader.getWorkItem(next);
      if (!item) break;
      if (isPlanningItemType(item.issueType)) found.add(item.id);
      next = item.parentKey;
    }
  }
  return [...found];
}
