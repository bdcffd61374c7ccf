import fc from 'fast-check';
import { layeredLayout, type Spacing } from '../../../static/shared/dependency-map/layered-layout';
import { FIT_ALL_MAX_NODES, initialViewport } from '../../../static/shared/dependency-map/viewport';
import { SPACING } from '../../../static/shared/dependency-map/spacing';

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

describe("the map's opening view", () => {
  const grid = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`N${i}`, { x: (i % 10) * 300, y: Math.floor(i / 10) * 70 }]));

  it('fits a small map whole, never zoomed in past 1', () => {
    const positions = grid(20); // 2,700 + 200 wide, 70 + 52 high
    const view = initialViewport(positions, [], 1000, 500);
    expect(view.zoom).toBeCloseTo(1000 / (2900 * 1.2));
    expect(view.x + (2900 / 2) * view.zoom).toBeCloseTo(500); // centred
    expect(initialViewport(new Map([['A', { x: 0, y: 0 }]]), [], 1000, 500).zoom).toBe(1);
  });

  it('opens a large map readable, centred on its highlighted nodes', () => {
    const positions = grid(FIT_ALL_MAX_NODES + 1);
    const view = initialViewport(positions, ['N150'], 1000, 500);
    const { x, y } = positions.get('N150')!;
    expect(view.zoom).toBe(0.8);
    expect(view.x + (x + SPACING.nodeWidth / 2) * view.zoom).toBeCloseTo(500);
    expect(view.y + (y + SPACING.nodeHeight / 2) * view.zoom).toBeCloseTo(250);
  });
});
