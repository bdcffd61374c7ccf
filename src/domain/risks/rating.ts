import type { RiskCounts } from '../item-summary/item-summary';
import type { Risk, RiskRating } from './model';
import type { RiskThresholds } from './settings';

export const RATINGS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Rating = (typeof RATINGS)[number];

/** The number JQL indexes as `riskLevel`: 1 low to 4 critical (0 is "no open risk"). */
export const RATING_LEVEL: Record<Rating, RiskCounts['level']> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** A cell of the 5x5 matrix (a rating, or levels still being picked in the panel). */
type Cell = { likelihood: number; impact: number };

/** The cell's score on the 5x5 matrix. */
export const riskScore = (r: Cell): number => r.likelihood * r.impact;

/**
 * The rating of a likelihood and impact under a project's thresholds.
 *
 * @example
 * ratingOf({ likelihood: 4, impact: 3 }, { medium: 5, high: 10, critical: 20 }) // => 'HIGH' (score 12)
 */
export function ratingOf(r: Cell, t: RiskThresholds): Rating {
  const score = riskScore(r);
  if (score >= t.critical) return 'CRITICAL';
  if (score >= t.high) return 'HIGH';
  if (score >= t.medium) return 'MEDIUM';
  return 'LOW';
}

/** The rating that stands after the response: a mitigated risk's residual rating, else its inherent one. */
export const currentRating = (risk: Risk): RiskRating => (risk.roam.state === 'MITIGATED' ? risk.roam.residual : risk.rating);
