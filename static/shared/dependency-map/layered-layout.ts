/**
 * A layered layout in near-linear time, for maps too big for dagre (dagre's crossing reduction and
 * network-simplex ranking take seconds past about a hundred nodes with random edges, and run out of
 * memory at 1,000 nodes and 3,000 edges). The steps of Sugiyama's method, each kept to O(V + E):
 * 1. cycles are broken by ignoring the back edges of a depth-first walk;
 * 2. each node's layer is the longest chain of providers before it, so work flows left to right;
 * 3. within a layer, nodes start grouped by team and are reordered by the barycentre of their neighbours
 *    in a few sweeps (fewer crossings, no guarantee);
 * 4. layers become columns, centred vertically.
 * Long edges are drawn straight across layers (no dummy nodes), which is what keeps it linear.
 */
export interface LayoutInput {
  ids: string[];
  /** Sort key of each node within its layer before the sweeps (the team, then the label). */
  groupKey: (index: number) => string;
  /** [provider, dependent] index pairs. */
  links: Array<[number, number]>;
}

export interface Spacing {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
}

const SWEEPS = 4;

export function layeredLayout({ ids, groupKey, links }: LayoutInput, spacing: Spacing): Array<{ x: number; y: number }> {
  const n = ids.length;
  const providers: number[][] = ids.map(() => []);
  const dependents: number[][] = ids.map(() => []);
  for (const [p, d] of links) {
    if (p === d) continue;
    providers[d]!.push(p);
    dependents[p]!.push(d);
  }
  const layer = layers(providers);
  const columns: number[][] = [];
  ids.forEach((_, v) => (columns[layer[v]!] ??= []).push(v));
  const position = new Float64Array(n);
  const keys = ids.map((_, v) => groupKey(v));
  for (const column of columns) {
    column.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    column.forEach((v, i) => (position[v] = centred(i, column.length)));
  }
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? columns : [...columns].reverse();
    for (const column of order) reorder(column, forward ? providers : dependents, position);
  }
  const rowHeight = spacing.nodeHeight + spacing.rowGap;
  const out = ids.map(() => ({ x: 0, y: 0 }));
  columns.forEach((column, c) => {
    column.forEach((v, i) => {
      out[v] = { x: c * (spacing.nodeWidth + spacing.columnGap), y: centred(i, column.length) * rowHeight };
    });
  });
  return out;
}

/** Longest chain of providers before each node, ignoring the back edges of an iterative depth-first walk. */
function layers(providers: number[][]): Int32Array {
  const n = providers.length;
  const layer = new Int32Array(n);
  const state = new Uint8Array(n); // 0 new, 1 on the walk, 2 done
  const next = new Int32Array(n);
  const walk: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root]) continue;
    walk.push(root);
    state[root] = 1;
    while (walk.length > 0) {
      const v = walk[walk.length - 1]!;
      const ps = providers[v]!;
      if (next[v]! < ps.length) {
        const p = ps[next[v]!++]!;
        if (state[p] === 0) {
          state[p] = 1;
          walk.push(p);
        }
        continue;
      }
      // Every provider is done now, except those still on the walk (back edges, which close a cycle).
      let l = 0;
      for (const p of ps) if (state[p] === 2) l = Math.max(l, layer[p]! + 1);
      layer[v] = l;
      state[v] = 2;
      walk.pop();
    }
  }
  return layer;
}

/** Sorts a column by the mean position of each node's neighbours on the given side; nodes without any keep theirs. */
function reorder(column: number[], neighbours: number[][], position: Float64Array): void {
  const key = new Float64Array(column.length);
  column.forEach((v, i) => {
    const ns = neighbours[v]!;
    key[i] = ns.length === 0 ? position[v]! : ns.reduce((sum, u) => sum + position[u]!, 0) / ns.length;
  });
  const order = column.map((_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
  const sorted = order.map((i) => column[i]!);
  sorted.forEach((v, i) => {
    column[i] = v;
    position[v] = centred(i, column.length);
  });
}

/** A row index measured from the middle of its column, so columns of different heights line up. */
function centred(i: number, length: number): number {
  return i - (length - 1) / 2;
}
