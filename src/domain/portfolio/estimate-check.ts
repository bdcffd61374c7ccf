import type { ItemSummary, PlanningFacts } from '../item-summary/item-summary';
import { estimateAgainstPoints, type EstimatePointsWords } from '../../shared/portfolio/estimate-points';

/**
 * An item's estimate against the bottom-up points of its stories, from what the item summary already holds
 * (the planning facts readiness scores), so the table and the exports need no read per item: the
 * confidence, whether the estimate agrees with the stories' points, how many stories have points, and the
 * numbers compared (null in a summary written before they were kept).
 */
export interface EstimateCheck extends EstimatePointsWords {
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
  const estimate = p.estimatePoints ? { size: p.estimatePoints.size ?? null, low: p.estimatePoints.low, high: p.estimatePoints.high } : null;
  // With no story estimated, a sum of 0 would read as a comparison; the lozenge says there is none.
  const bottomUpPoints = p.estimate === 'NO_BOTTOM_UP' ? null : (p.bottomUpPoints ?? null);
  return { confidence: facts.estimateConfidence ?? null, agreement: p.estimate, stories: p.stories, estimatedStories: p.estimatedStories, estimate, bottomUpPoints };
}

/**
 * The check in words, as the exports write it.
 *
 * @example
 * estimateCheckWords({ confidence: 4, agreement: 'DIVERGES', stories: 5, estimatedStories: 3, estimate: { size: 'M', low: 8, high: 20 }, bottomUpPoints: 34 })
 * // => 'Diverges from the stories: M (8-20 pts) vs 34 pts (3 of 5 stories estimated)'
 */
export function estimateCheckWords(check: EstimateCheck | null): string {
  if (!check) return 'Not compared yet';
  const numbers = estimateAgainstPoints(check);
  const words = numbers ? `${AGREEMENT_WORDS[check.agreement]}: ${numbers}` : AGREEMENT_WORDS[check.agreement];
  return check.stories > 0 ? `${words} (${check.estimatedStories} of ${check.stories} stories estimated)` : words;
}
