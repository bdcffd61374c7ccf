/**
 * Splits `total` whole points over weights in proportion, by largest remainder: the parts are integers and
 * add up to `total` exactly. Ties go to the earlier weight, so the split is deterministic.
 *
 * @example
 * apportion(100, [1, 1, 1]) // => [34, 33, 33]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) return weights.map(() => 0);
  // Integer arithmetic: quota_i = total * w_i / sum, kept as quotient and remainder.
  const parts = weights.map((w, index) => ({ index, floor: Math.floor((total * w) / sum), remainder: (total * w) % sum }));
  let left = total - parts.reduce((a, p) => a + p.floor, 0);
  const order = [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const p of order) {
    if (left === 0) break;
    p.floor += 1;
    left -= 1;
  }
  return parts.map((p) => p.floor);
}
