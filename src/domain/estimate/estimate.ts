import { TSHIRT_SIZES, type EstimateValue, type TShirtSize } from '../planning-record/model';

/** Story points each T-shirt size stands for; a project can set its own scale. */
export type TShirtScale = Record<TShirtSize, { low: number; high: number }>;

export const DEFAULT_TSHIRT_SCALE: TShirtScale = {
  XS: { low: 1, high: 3 },
  S: { low: 3, high: 8 },
  M: { low: 8, high: 20 },
  L: { low: 20, high: 40 },
  XL: { low: 40, high: 80 },
  XXL: { low: 80, high: 150 },
};

/** Default tolerance before a top-down estimate and the bottom-up sum are flagged as diverging. */
export const DEFAULT_DIVERGENCE_THRESHOLD_PCT = 25;

/**
 * The points range an estimate stands for.
 *
 * @example
 * estimateRange({ kind: 'tshirt', size: 'M' }, DEFAULT_TSHIRT_SCALE) // => { low: 8, high: 20 }
 */
export function estimateRange(value: EstimateValue, scale: TShirtScale): { low: number; high: number } {
  return value.kind === 'tshirt' ? scale[value.size] : { low: value.low, high: value.high };
}

export interface Reconciliation {
  range: { low: number; high: number };
  bottomUpPoints: number;
  /** Where the bottom-up sum falls relative to the range, allowing the threshold either side. */
  position: 'below' | 'within' | 'above';
  /** How far outside the range, as a percentage of the nearer end (0 when within). */
  divergencePct: number;
  /** How far outside the range, in points (0 when within). */
  outsideByPoints: number;
  flagged: boolean;
  /** The sum is partial when some children are not estimated yet. */
  partial: boolean;
}

/**
 * Compares a top-down estimate with the bottom-up sum of the children's story points.
 *
 * @example
 * reconcile({ low: 8, high: 20 }, { points: 34, estimated: 6, total: 6 }, 25)
 * // => { position: 'above', divergencePct: 70, flagged: true, ... }
 */
export function reconcile(
  range: { low: number; high: number },
  bottomUp: { points: number; estimated: number; total: number },
  thresholdPct: number,
): Reconciliation {
  const tolerance = thresholdPct / 100;
  let position: Reconciliation['position'] = 'within';
  let divergencePct = 0;
  let outsideByPoints = 0;
  if (bottomUp.points > range.high) {
    outsideByPoints = bottomUp.points - range.high;
    divergencePct = range.high === 0 ? 100 : Math.round((outsideByPoints / range.high) * 100);
    position = 'above';
  } else if (bottomUp.points < range.low) {
    outsideByPoints = range.low - bottomUp.points;
    divergencePct = range.low === 0 ? 0 : Math.round((outsideByPoints / range.low) * 100);
    position = 'below';
  }
  const partial = bottomUp.estimated < bottomUp.total;
  // A partial sum below the range is expected while refinement goes on; above it is already a signal.
  const flagged = bottomUp.estimated > 0 && divergencePct > tolerance * 100 && (position === 'above' || !partial);
  return { range, bottomUpPoints: bottomUp.points, position, divergencePct, outsideByPoints, flagged, partial };
}

/** Below this many points at the nearer end of the range, a percentage says more than the numbers do. */
const SMALL_RANGE_POINTS = 10;

const points = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'point' : 'points'}`;

/**
 * How far the stories fall outside the estimate, in words: points for small ranges (where "300% above 1-1"
 * says nothing a reader can use), and the percentage with the points for larger ones.
 *
 * @example
 * divergenceWords({ position: 'above', outsideByPoints: 3, divergencePct: 300, range: { low: 1, high: 1 } }) // => '3 points above'
 * divergenceWords({ position: 'above', outsideByPoints: 14, divergencePct: 70, range: { low: 8, high: 20 } }) // => '70% (14 points) above'
 */
export function divergenceWords(r: Pick<Reconciliation, 'position' | 'outsideByPoints' | 'divergencePct' | 'range'>): string {
  if (r.position === 'within') return 'within';
  const nearer = r.position === 'above' ? r.range.high : r.range.low;
  return nearer < SMALL_RANGE_POINTS ? `${points(r.outsideByPoints)} ${r.position}` : `${r.divergencePct}% (${points(r.outsideByPoints)}) ${r.position}`;
}

export function isTShirtSize(value: string): value is TShirtSize {
  return (TSHIRT_SIZES as readonly string[]).includes(value);
}
