import type { PortfolioDependenciesDto } from '../../../../src/shared/contract/dependencies';

export interface PortfolioFilter {
  team: string | null;
  release: string | null;
  status: string | null;
}

/**
 * The part of the portfolio the filters keep: edges of the chosen status whose ends match the chosen team
 * or release (either end, so a team sees what it needs and what it provides), and the nodes they touch.
 */
export function filterPortfolio(p: PortfolioDependenciesDto, f: PortfolioFilter): Pick<PortfolioDependenciesDto, 'nodes' | 'edges'> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const nodeMatches = (id: string): boolean => {
    const n = byId.get(id);
    return !!n && (f.team === null || n.team === f.team) && (f.release === null || n.release === f.release);
  };
  const edges = p.edges.filter((e) => (f.status === null || e.status === f.status) && (nodeMatches(e.from) || nodeMatches(e.to)));
  const kept = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { nodes: p.nodes.filter((n) => kept.has(n.id)), edges };
}
