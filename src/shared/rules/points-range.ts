/**
 * The rule for a points estimate, shared by the server (the domain's estimate check) and the estimate form,
 * so the form refuses exactly what the server would, with the same words.
 */
export const POINTS_MAX = 10_000;

/** Why one end of a points range is not acceptable, or null. Empty text is "not entered". */
export function pointsBoundProblem(value: number | string | undefined): string | null {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return 'Enter a number of points.';
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > POINTS_MAX) return `Points: enter numbers from 0 to ${POINTS_MAX.toLocaleString('en')}.`;
  return null;
}

/**
 * Why a points range is not acceptable, or null.
 *
 * @example
 * pointsRangeProblem(-3, 5) // => 'Points: enter numbers from 0 to 10,000.'
 * pointsRangeProblem(0, 0) // => 'Points: the high end must be above 0.'
 */
export function pointsRangeProblem(low: number, high: number): string | null {
  const bound = pointsBoundProblem(low) ?? pointsBoundProblem(high);
  if (bound) return bound;
  if (low > high) return `Points: the low end (${low}) is above the high end (${high}).`;
  // A 0-0 estimate says nothing, and no divergence can be measured against it.
  if (high === 0) return 'Points: the high end must be above 0.';
  return null;
}
