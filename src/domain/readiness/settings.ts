import { CRITERION_IDS, type CriterionId } from './criterion';

/**
 * A project's readiness settings (KVS `settings:readiness:<projectKey>`): which criteria count and how much,
 * where the states begin, and which issue types are epics and which features.
 */
export interface ReadinessSettings {
  criteria: Record<CriterionId, { enabled: boolean; weight: number }>;
  /** A score at or above `ready` is READY, at or above `atRisk` AT_RISK, below it NOT_READY. */
  thresholds: { ready: number; atRisk: number };
  /** Issue type ids counted as epics / as features; a type in neither list goes by its hierarchy level. */
  epicTypeIds: string[];
  featureTypeIds: string[];
}

/** SAFe-style weights; they need not add up to 100 (the score spreads 100 points over the criteria that count). */
export const DEFAULT_WEIGHTS: Record<CriterionId, number> = {
  spec: 20,
  nfrsAndAcceptance: 10,
  estimate: 15,
  decomposition: 15,
  // Epics only (features keep their 100). 30 of an epic's 130 is 23 points: an epic none of whose features is
  // ready scores at most 77, below the default READY threshold, whatever else it has (ADR 0009).
  features: 30,
  dependencies: 15,
  risks: 10,
  impediments: 5,
  techLead: 10,
};

export const DEFAULT_READINESS_SETTINGS: ReadinessSettings = {
  criteria: Object.fromEntries(CRITERION_IDS.map((id) => [id, { enabled: true, weight: DEFAULT_WEIGHTS[id] }])) as ReadinessSettings['criteria'],
  thresholds: { ready: 80, atRisk: 50 },
  epicTypeIds: [],
  featureTypeIds: [],
};

export const MAX_WEIGHT = 100;
export const MAX_TYPE_IDS = 20;
const TYPE_ID = /^[0-9]{1,18}$/;

/**
 * Null when the settings are consistent; otherwise what to fix, in words for the settings page.
 *
 * @example
 * readinessSettingsProblem({ ...DEFAULT_READINESS_SETTINGS, thresholds: { ready: 40, atRisk: 60 } })
 * // => 'The "at risk" threshold must not be above the "ready" threshold.'
 */
export function readinessSettingsProblem(s: ReadinessSettings): string | null {
  for (const id of CRITERION_IDS) {
    const w = s.criteria[id].weight;
    if (!Number.isInteger(w) || w < 0 || w > MAX_WEIGHT) return `Weight of "${id}": choose a whole number from 0 to ${MAX_WEIGHT}.`;
  }
  if (!CRITERION_IDS.some((id) => s.criteria[id].enabled && s.criteria[id].weight > 0)) return 'Turn on at least one criterion with a weight above 0.';
  const { ready, atRisk } = s.thresholds;
  for (const [name, v] of [['ready', ready], ['at risk', atRisk]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 100) return `The "${name}" threshold: choose a whole number from 0 to 100.`;
  }
  if (atRisk > ready) return 'The "at risk" threshold must not be above the "ready" threshold.';
  for (const [name, ids] of [['epics', s.epicTypeIds], ['features', s.featureTypeIds]] as const) {
    if (ids.length > MAX_TYPE_IDS) return `At most ${MAX_TYPE_IDS} issue types count as ${name}.`;
    if (ids.some((id) => !TYPE_ID.test(id))) return `Issue types counted as ${name}: not a Jira issue type id.`;
  }
  const both = s.epicTypeIds.find((id) => s.featureTypeIds.includes(id));
  if (both) return 'An issue type cannot count as both an epic and a feature.';
  return null;
}
