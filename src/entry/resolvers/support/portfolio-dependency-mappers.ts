import type { PortfolioDependencies } from '../../../application/dependencies/get-portfolio-dependencies';
import type { PortfolioDependenciesDto } from '../../../shared/contract/dependencies';

/** The portfolio's dependency graph and analyses to the project page's DTO (cycle and lateness per edge). */
export function toPortfolioDependenciesDto(p: PortfolioDependencies): PortfolioDependenciesDto {
  const component = new Map(p.cycles.flatMap((ids, n) => ids.map((id): [string, number] => [id, n])));
  const late = new Set(p.lateEdgeIds);
  const onPath = new Set(p.criticalPath.nodeIds);
  return {
    project: p.project,
    nodes: p.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      kind: n.kind,
      team: n.team,
      ...(n.key ? { key: n.key } : {}),
      onCycle: component.has(n.id),
      highlighted: onPath.has(n.id),
      release: n.release,
      statusName: n.statusName,
      dueDate: n.dueDate,
    })),
    edges: p.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      status: e.status,
      late: late.has(e.id),
      onCycle: e.status !== 'DECLINED' && component.has(e.from) && component.get(e.from) === component.get(e.to),
      neededBy: e.neededBy,
      committedBy: e.committedBy,
    })),
    matrix: p.matrix,
    criticalPath: p.criticalPath,
    warnings: p.warnings,
  };
}
