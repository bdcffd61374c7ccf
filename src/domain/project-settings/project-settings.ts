import { DEFAULT_DIVERGENCE_THRESHOLD_PCT, DEFAULT_TSHIRT_SCALE, type TShirtScale } from '../estimate/estimate';
import { TSHIRT_SIZES, type PersonRef } from '../planning-record/model';

/** Per-project settings of the app, kept by the app (not in Jira). */
export interface ProjectSettings {
  /** Who may approve specs. Empty means the project's administrators. */
  architects: PersonRef[];
  tshirtScale: TShirtScale;
  divergenceThresholdPct: number;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  architects: [],
  tshirtScale: DEFAULT_TSHIRT_SCALE,
  divergenceThresholdPct: DEFAULT_DIVERGENCE_THRESHOLD_PCT,
};

export const MAX_ARCHITECTS = 20;

/**
 * Null when the settings are consistent; otherwise what to fix.
 *
 * @example
 * settingsProblem({ ...DEFAULT_PROJECT_SETTINGS, divergenceThresholdPct: 500 }) // => 'Divergence threshold: choose 0 to 200 percent.'
 */
export function settingsProblem(settings: ProjectSettings): string | null {
  if (settings.architects.length > MAX_ARCHITECTS) return `At most ${MAX_ARCHITECTS} architects per project.`;
  if (!Number.isInteger(settings.divergenceThresholdPct) || settings.divergenceThresholdPct < 0 || settings.divergenceThresholdPct > 200) {
    return 'Divergence threshold: choose 0 to 200 percent.';
  }
  let previousHigh = 0;
  for (const size of TSHIRT_SIZES) {
    const { low, high } = settings.tshirtScale[size];
    if (!(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && high >= low && high <= 10_000)) return `Size ${size}: the points range ${low}-${high} is not valid.`;
    if (high < previousHigh) return `Size ${size}: its range must not end below the size before it.`;
    previousHigh = high;
  }
  return null;
}
