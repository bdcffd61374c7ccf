import { SCALE_LEVELS } from './model';

/**
 * A project's risk settings (KVS `settings:risks:<projectKey>`): the labels of the likelihood and impact scales
 * and the score thresholds of the ratings on the 5x5 matrix (score = likelihood x impact, 1 to 25).
 */
export interface RiskThresholds {
  /** The lowest score rated Medium, High and Critical; below `medium` is Low. */
  medium: number;
  high: number;
  critical: number;
}

export interface RiskSettings {
  likelihoodLabels: string[];
  impactLabels: string[];
  thresholds: RiskThresholds;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  thresholds: { medium: 5, high: 10, critical: 20 },
};

export const LABEL_CHARS = 40;
export const MAX_SCORE = 25;

function labelsProblem(scale: string, labels: string[]): string | null {
  if (labels.length !== SCALE_LEVELS.length) return `${scale} scale: give exactly ${SCALE_LEVELS.length} labels.`;
  const at = labels.findIndex((l) => l.trim() === '' || l.length > LABEL_CHARS);
  if (at >= 0) return `${scale} scale, level ${at + 1}: a label of 1 to ${LABEL_CHARS} characters.`;
  if (new Set(labels.map((l) => l.trim().toLowerCase())).size !== labels.length) return `${scale} scale: each level needs its own label.`;
  return null;
}

/**
 * Null when the settings are consistent, otherwise what to fix. The thresholds must rise strictly within 2-25,
 * so every rating is reachable and Low always exists.
 *
 * @example
 * riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, thresholds: { medium: 8, high: 6, critical: 20 } })
 * // => 'Thresholds: Medium (8) < High (6) < Critical (20) must rise, within 2 to 25.'
 */
export function riskSettingsProblem(settings: RiskSettings): string | null {
  const { medium, high, critical } = settings.thresholds;
  const whole = [medium, high, critical].every((n) => Number.isInteger(n));
  if (!whole || !(medium >= 2 && medium < high && high < critical && critical <= MAX_SCORE)) {
    return `Thresholds: Medium (${medium}) < High (${high}) < Critical (${critical}) must rise, within 2 to ${MAX_SCORE}.`;
  }
  return labelsProblem('Likelihood', settings.likelihoodLabels) ?? labelsProblem('Impact', settings.impactLabels);
}
