import type { ItemSummary, PlanningFacts } from '../item-summary/item-summary';

/**
 * An item's estimate against the bottom-up points of its stories, from what the item summary already holds
 * (the planning facts readiness scores), so the table and the exports need no read per item: the
 * confidence, whether the estimate agrees with the stories' points, and how many stories have points.
 */
export interface EstimateCheck {
  /** Fist of five, null without an estimate. */
  confidence: number | null;
  agreement: PlanningFacts['estimate'];
  stories: number;
  estimatedStories: number;
}

export const AGREEMENT_WORDS: Record<PlanningFacts['estimate'], string> = {
  NONE: 'No estimate',
  AGREES: 'Agrees with the stories',
  DIVERGES: 'Diverges from the stories',
  NO_BOTTOM_UP: 'No story estimated to compare',
};

/** Null while the app has not gathered the item's planning facts (nothing to compare yet). */
export function estimateCheckOf(facts: ItemSummary | null): EstimateCheck | null {
  const p = facts?.planningFacts;
  if (!facts || !p) return null;
  return { confidence: facts.estimateConfidence ?? null, agreement: p.estimate, stories: p.stories, estimatedStories: p.estimatedStories };
}

/**
 * The check in words, as the exports write it.
 *
 * @example
 * estimateCheckWords({ confidence: 4, agreement: 'DIVERGES', stories: 5, estimatedStories: 3 })
 * // => 'Diverges from the stories (3 of 5 stories estimated)'
 */
export function estimateCheckWords(check: EstimateCheck | null): string {
  if (!check) return 'Not compared yet';
  return check.stories > 0 ? `${AGREEMENT_WORDS[check.agreement]} (${check.estimatedStories} of ${check.stories} stories estimated)` : AGREEMENT_WORDS[check.agreement];
}
