import type { ItemSummary, PlanningFacts } from '../item-summary/item-summary';

/** The features besides planning whose section of the item summary a criterion scores. */
export type FactFeature = 'dependencies' | 'risks' | 'impediments';

/** Epic or feature, as the project's readiness settings count the issue type. */
export type ItemKind = 'EPIC' | 'FEATURE';

/** What a criterion reads: the merged item summary with its planning facts, and the item's kind. */
export interface CriterionInput {
  summary: ItemSummary;
  facts: PlanningFacts;
  kind: ItemKind;
}

/** A share of a criterion's points as a fraction of integers, so earned points are exact. */
export interface Share {
  num: number;
  den: number;
}

export interface Evaluation {
  share: Share;
  /** Plain language: what the item has, and what it lacks. */
  reason: string;
  /** What to do next to earn the missing points; null when the criterion is met. */
  nextStep: string | null;
}

/** The criteria, in the order they are shown and scored (the order also breaks rounding ties). */
export const CRITERION_IDS = ['spec', 'nfrsAndAcceptance', 'estimate', 'decomposition', 'features', 'dependencies', 'risks', 'impediments', 'techLead'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** One rule of the definition of ready. Pure: the same input always gives the same evaluation. */
export interface Criterion {
  id: CriterionId;
  title: string;
  /** The feature whose facts it scores: absent until that feature has landed (planning is always there). */
  feature: FactFeature | null;
  /** False when the rule says nothing about this item (e.g. features ready, for a feature): it is then absent. */
  appliesTo?(input: CriterionInput): boolean;
  evaluate(input: CriterionInput): Evaluation;
}

export const FULL: Share = { num: 1, den: 1 };
export const NONE: Share = { num: 0, den: 1 };

/** `parts` of `of` equal parts, e.g. 1 of 2 for a criterion half met. */
export const partsOf = (parts: number, of: number): Share => ({ num: parts, den: of });
