import type { ItemSummary, PlanningFacts } from '../../domain/item-summary/item-summary';
import type { FactFeature } from '../../domain/readiness/criterion';
import { scoreReadiness, toReadinessSummary } from '../../domain/readiness/score';
import type { ReadinessScorer } from '../item-summary/ports';
import type { ReadinessSettingsStore } from './ports';

export interface ScorerDeps {
  readinessSettings: ReadinessSettingsStore;
  /** The features besides planning whose facts are published (see landed-features.ts). */
  landedFeatures: readonly FactFeature[];
  /** The planning facts of an item whose summary has none yet (null: not a planning item). */
  gatherFacts(issueId: string): Promise<PlanningFacts | null>;
  /** Rescores the parent epic of an item whose readiness state changed (see rescore-parent.ts). */
  rescoreParent?: (issueId: string) => Promise<void>;
}

/**
 * Readiness recomputed from a merged item summary, for `publishFacts`. An item whose summary has no planning
 * facts yet gets them gathered first; an issue that is not a planning item is left unscored.
 */
export function readinessScorer(deps: ScorerDeps): ReadinessScorer {
  return {
    async score(issueId: string, summary: ItemSummary): Promise<ItemSummary> {
      const facts = summary.planningFacts ?? (await deps.gatherFacts(issueId));
      if (!facts) return summary;
      const settings = await deps.readinessSettings.get(facts.project);
      const withFacts = { ...summary, planningFacts: facts };
      return { ...withFacts, readiness: toReadinessSummary(scoreReadiness({ summary: withFacts, facts, settings, landed: deps.landedFeatures })) };
    },
    ...(deps.rescoreParent ? { stateChanged: deps.rescoreParent } : {}),
  };
}
