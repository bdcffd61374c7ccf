import type { Adjacency } from './adjacency';

/**
 * The strongly connected components of a graph (Tarjan), with an explicit stack so a chain of 100,000
 * dependencies cannot overflow the call stack. O(V + E).
 *
 * Components are numbered in the order Tarjan completes them, which is a reverse topological order of
 * the condensed graph: every component an edge leads to has a smaller number. With edges pointing from
 * dependent to provider, providers come first.
 */
export interface Components {
  /** The component of each node. */
  of: Int32Array;
  /** The node indices of each component, in input order. */
  members: number[][];
}

export function stronglyConnected(graph: Adjacency): Components {
  const n = graph.ids.length;
  const order = new Int32Array(n).fill(-1); // discovery number, -1 = not visited
  const low = new Int32Array(n);
  const of = new Int32Array(n).fill(-1);
  const nextEdge = new Int32Array(n); // position in out[v] the walk resumes from
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const members: number[][] = [];
  const walk: number[] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    walk.push(root);
    while (walk.length > 0) {
      const v = walk[walk.length - 1]!;
      if (order[v] === -1) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = graph.out[v]!;
      let descended = false;
      while (nextEdge[v]! < out.length) {
        const w = graph.to[out[nextEdge[v]!]!]!;
        nextEdge[v]!++;
        if (order[w] === -1) {
          walk.push(w);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
      }
      if (descended) continue;
      walk.pop();
      const parent = walk[walk.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!);
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = members.length;
          component.push(w);
        } while (w !== v);
        members.push(component.sort((a, b) => a - b));
      }
    }
  }
  return { of, members };
}

/** Whether a component is a cycle: more than one node, or one node that depends on itself. */
export function isCyclic(graph: Adjacency, components: Components, c: number): boolean {
  const nodes = components.members[c]!;
  if (nodes.length > 1) return true;
  const v = nodes[0]!;
  return graph.out[v]!.some((e) => graph.to[e] === v);
}
