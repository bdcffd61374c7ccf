import type { RiskCounts } from '../item-summary/item-summary';
import type { Risk, RiskRegister } from './model';
import { currentRating, RATING_LEVEL, ratingOf } from './rating';
import type { RiskThresholds } from './settings';

/** Open risks: everything not Resolved. */
export const isOpen = (r: Risk): boolean => r.roam.state !== 'RESOLVED';

/**
 * A risk blocks readiness when it is unROAMed and High or above, or Critical and neither Mitigated nor
 * Resolved (owning or accepting a critical risk is not enough to plan on it).
 */
export function isBlocking(r: Risk, t: RiskThresholds): boolean {
  const inherent = ratingOf(r.rating, t);
  if (r.roam.state === 'UNROAMED') return inherent === 'HIGH' || inherent === 'CRITICAL';
  return inherent === 'CRITICAL' && r.roam.state !== 'MITIGATED' && r.roam.state !== 'RESOLVED';
}

/**
 * The `risks` section of the item summary, from the register as it counts (verified): `level` is the
 * highest current rating among open risks (the residual one once mitigated), 0 with none.
 *
 * @example
 * riskCounts({ ...register, risks: [highUnroamed, lowOwned] }, DEFAULT_RISK_SETTINGS.thresholds) // => { level: 3, unroamed: 1, blocking: 1 }
 */
export function riskCounts(register: RiskRegister, t: RiskThresholds): RiskCounts {
  const open = register.risks.filter(isOpen);
  const level = open.reduce<RiskCounts['level']>((max, r) => {
    const l = RATING_LEVEL[ratingOf(currentRating(r), t)];
    return l > max ? l : max;
  }, 0);
  return { level, unroamed: open.filter((r) => r.roam.state === 'UNROAMED').length, blocking: open.filter((r) => isBlocking(r, t)).length };
}
