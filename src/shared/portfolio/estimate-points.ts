/**
 * The estimate against the stories' bottom-up points in short words, the same in the table's cell and in
 * the exports: `M (8-20 pts) vs 21 pts`. Pure, so the page and the exports share it.
 */
export interface EstimatePointsWords {
  /** The estimate's range, with the T-shirt size it came from; null without an estimate or not known yet. */
  estimate: { size: string | null; low: number; high: number } | null;
  /** The stories' points; null when no story has points or the sum is not known yet. */
  bottomUpPoints: number | null;
}

const pts = (n: number): string => `${n.toLocaleString('en')} pts`;

/**
 * @example
 * estimateRangeWords({ size: 'M', low: 8, high: 20 }) // => 'M (8-20 pts)'
 * estimateRangeWords({ size: null, low: 13, high: 13 }) // => '13 pts'
 */
export function estimateRangeWords(e: NonNullable<EstimatePointsWords['estimate']>): string {
  const range = e.low === e.high ? pts(e.low) : `${e.low.toLocaleString('en')}-${pts(e.high)}`;
  return e.size ? `${e.size} (${range})` : range;
}

/**
 * Null when there is no estimate to show; the estimate alone when the stories have no points to compare.
 *
 * @example
 * estimateAgainstPoints({ estimate: { size: 'M', low: 8, high: 20 }, bottomUpPoints: 21 }) // => 'M (8-20 pts) vs 21 pts'
 */
export function estimateAgainstPoints(check: EstimatePointsWords): string | null {
  if (!check.estimate) return null;
  const estimate = estimateRangeWords(check.estimate);
  return check.bottomUpPoints === null ? estimate : `${estimate} vs ${pts(check.bottomUpPoints)}`;
}
