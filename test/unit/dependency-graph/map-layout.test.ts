import fc from 'fast-check';
import { layeredLayout, type Spacing } from '../../../static/shared/dependency-map/layered-layout';

const spacing: Spacing = { nodeWidth: 100, nodeHeight: 40, columnGap: 50, rowGap: 10 };
const column = (x: number) => x / (spacing.nodeWidth + spacing.columnGap);

/** Random [provider, dependent] links on n nodes; `acyclic` keeps providers at lower indices. */
const layouts = (acyclic: boolean) => fc.integer({ min: 1, max: 30 }).chain((n) => fc.record({
  n: fc.constant(n),
  links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 })
    .map((ls) => ls.filter(([p, d]) => !acyclic || p < d)),
}));

const run = (n: number, links: Array<[number, number]>) =>
  layeredLayout({ ids: Array.from({ length: n }, (_, i) => `N${i}`), groupKey: (i) => `T${i % 3}`, links }, spacing);

describe('the layered layout of large maps', () => {
  it('puts a chain left to right and side branches in their own rows', () => {
    const points = run(4, [[0, 1], [1, 2], [0, 3]]);
    expect(points.map((p) => column(p.x))).toEqual([0, 1, 2, 1]);
    expect(points[1]!.y).not.toBe(points[3]!.y);
  });

  it('places every provider in a column left of its dependents when there is no cycle', () => {
    fc.assert(fc.property(layouts(true), ({ n, links }) => {
      const points = run(n, links);
      for (const [p, d] of links) expect(points[p]!.x).toBeLessThan(points[d]!.x);
    }));
  });

  it('never puts two nodes in the same place, cycles or not', () => {
    fc.assert(fc.property(layouts(false), ({ n, links }) => {
      const points = run(n, links);
      expect(points).toHaveLength(n);
      expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(n);
      for (const p of points) expect(Number.isInteger(column(p.x))).toBe(true);
    }));
  });

  it('lays out a chain of 100,000 nodes without running out of stack', () => {
    const n = 100_000;
    const points = run(n, Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]));
    expect(column(points[n - 1]!.x)).toBe(n - 1);
  });
});
