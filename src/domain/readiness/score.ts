import type { ItemSummary, PlanningFacts, ReadinessState, ReadinessSummary } from '../item-summary/item-summary';
import { apportion } from './apportion';
import { CRITERIA } from './criteria';
import { CRITERION_IDS, type CriterionId, type FactFeature } from './criterion';
import { itemKind } from './item-kind';
import type { ReadinessSettings } from './settings';

/** One criterion as scored: its points out of 100 (`weight`), what it earned, why, and what to do next. */
export interface ScoredCriterion {
  criterion: CriterionId;
  title: string;
  weight: number;
  earned: number;
  reason: string;
  nextStep: string | null;
}

export interface Readiness {
  score: number;
  state: ReadinessState;
  criteria: ScoredCriterion[];
}

export interface ScoreInput {
  summary: ItemSummary;
  facts: PlanningFacts;
  settings: ReadinessSettings;
  /** The features (besides planning) whose facts the app publishes: the others' criteria are absent. */
  landed: readonly FactFeature[];
}

/**
 * Scores an epic or feature against the project's definition of ready. The criteria that count (turned on,
 * weighted, whose feature has landed, and that apply to the item) share 100 points by largest remainder, so each one's `weight` is
 * its whole points out of 100; a criterion earns the whole part of its points times its share met. The score
 * is the sum of the earned points, so the reasons always add up to it. Deterministic, no clock, no I/O.
 */
export function scoreReadiness({ summary, facts, settings, landed }: ScoreInput): Readiness {
  const input = { summary, facts, kind: itemKind(facts, settings) };
  const counted = CRITERION_IDS.map((id) => CRITERIA[id]).filter(
    (c) => settings.criteria[c.id].enabled && settings.criteria[c.id].weight > 0 && (c.feature === null || landed.includes(c.feature)) && (c.appliesTo?.(input) ?? true),
  );
  const points = apportion(
    100,
    counted.map((c) => settings.criteria[c.id].weight),
  );
  const criteria = counted.map((c, i): ScoredCriterion => {
    const weight = points[i]!;
    const { share, reason, nextStep } = c.evaluate(input);
    return { criterion: c.id, title: c.title, weight, earned: Math.floor((weight * share.num) / share.den), reason, nextStep };
  });
  const score = criteria.reduce((sum, c) => sum + c.earned, 0);
  return { score, state: stateFor(score, settings.thresholds), criteria };
}

export function stateFor(score: number, thresholds: ReadinessSettings['thresholds']): ReadinessState {
  if (score >= thresholds.ready) return 'READY';
  return score >= thresholds.atRisk ? 'AT_RISK' : 'NOT_READY';
}

/** What the item summary stores (and JQL indexes) of a readiness result. */
export function toReadinessSummary(r: Readiness): ReadinessSummary {
  return { score: r.score, state: r.state, reasons: r.criteria.map(({ criterion, weight, earned }) => ({ criterion, weight, earned })) };
}
