import type { ItemSummary } from '../item-summary/item-summary';
import { CRITERIA } from '../readiness/criteria';
import type { CriterionId } from '../readiness/criterion';
import { itemKind } from '../readiness/item-kind';
import type { ReadinessSettings } from '../readiness/settings';

/** A stored reason, in words: the criterion's title, its points, and why (with the next step) when known. */
export interface ReasonInWords {
  criterion: string;
  title: string;
  weight: number;
  earned: number;
  /** Null when the item's planning facts are missing or the criterion is one this version no longer knows. */
  why: string | null;
  nextStep: string | null;
}

const known = (criterion: string): criterion is CriterionId => Object.hasOwn(CRITERIA, criterion);

/** A criterion's title (an id this version no longer knows stays as it is). */
export function criterionTitle(criterion: string): string {
  return known(criterion) ? CRITERIA[criterion].title : criterion;
}

/**
 * The stored reasons of an item's readiness, explained: each criterion evaluated again on the same stored
 * summary it was scored from (the evaluation is pure, so it says what it said when scoring). `types` maps
 * issue types to epic or feature as the project's settings do. Empty when the item is not scored.
 */
export function reasonsInWords(facts: ItemSummary, types: Pick<ReadinessSettings, 'epicTypeIds' | 'featureTypeIds'>): ReasonInWords[] {
  const planning = facts.planningFacts;
  return (facts.readiness?.reasons ?? []).map((r) => {
    const evaluation = planning && known(r.criterion) ? CRITERIA[r.criterion].evaluate({ summary: facts, facts: planning, kind: itemKind(planning, types) }) : null;
    return { ...r, title: criterionTitle(r.criterion), why: evaluation?.reason ?? null, nextStep: evaluation?.nextStep ?? null };
  });
}
