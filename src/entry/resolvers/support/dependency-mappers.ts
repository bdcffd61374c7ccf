import type { ChangeResult } from '../../../application/dependencies/change-dependency';
import type { DependencyItem, DependencyView } from '../../../application/dependencies/get-dependency-view';
import { DEPENDENCY_LIMITS, type Commitment } from '../../../domain/dependencies/model';
import { canTransition, isEditable } from '../../../domain/dependencies/operations';
import type { CommitmentDto, DependencyChangeDto, DependencyDto, DependencyViewDto } from '../../../shared/contract/dependencies';
import { toWorkItemDto } from './mappers';

/** Domain values of the Dependencies tab to its wire DTOs. */
export function toDependencyDto(d: DependencyItem): DependencyDto {
  const status = d.commitment?.status ?? 'IDENTIFIED';
  const visible = d.commitment !== null;
  const can = (type: 'request' | 'commit' | 'deliver' | 'decline'): boolean => visible && canTransition(type, status, d.sides);
  return {
    id: d.id,
    direction: d.direction,
    far: d.far,
    linkType: d.linkType,
    // The revision marks are the app's bookkeeping: the panel gets the holding record's `rev` instead.
    commitment: d.commitment && withoutRevisionMark(d.commitment),
    late: d.late,
    overdue: d.overdue,
    onCycle: d.onCycle,
    unverified: d.unverified,
    can: {
      edit: visible && d.sides.dependent && isEditable(status),
      request: can('request'),
      commit: can('commit'),
      deliver: can('deliver'),
      decline: can('decline'),
      remove: d.sides.dependent && d.linkType === null,
      linkIssue: d.far.kind === 'team' && (d.sides.dependent || d.sides.provider),
    },
    rev: d.rev,
  };
}

function withoutRevisionMark(c: Commitment): CommitmentDto {
  const { changedAtRev: _rev, ...dto } = c;
  return dto;
}

export function toDependencyViewDto(view: DependencyView, hops: number): DependencyViewDto {
  const component = new Map(view.map.cycles.flatMap((ids, n) => ids.map((id): [string, number] => [id, n])));
  const onCycle = new Set(component.keys());
  const edgeOnCycle = (e: { from: string; to: string; status: string }): boolean =>
    e.status !== 'DECLINED' && component.has(e.from) && component.get(e.from) === component.get(e.to);
  const late = new Set(view.map.lateEdgeIds);
  const integrityMessage = view.integrity.changedOutsideApp
    ? view.integrity.unverified.length > 0
      ? `The dependencies of this issue were changed outside the app: ${view.integrity.unverified.length} commitment, delivery or decline cannot be verified and counts as requested.`
      : 'The dependencies of this issue were changed outside the app; nothing that needs the providing side was affected.'
    : null;
  return {
    item: toWorkItemDto(view.item),
    canEdit: view.canEdit,
    needs: view.needs.map(toDependencyDto),
    neededBy: view.neededBy.map(toDependencyDto),
    integrity: { changedOutsideApp: view.integrity.changedOutsideApp, message: integrityMessage },
    recordProblem: view.recordProblem,
    history: view.history,
    linkTypes: view.linkTypes.map((t) => ({
      name: t.name,
      dependentText: t.dependentReads === 'inward' ? t.inward : t.outward,
      providerText: t.dependentReads === 'inward' ? t.outward : t.inward,
    })),
    map: {
      nodes: view.map.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, team: n.team, ...(n.key ? { key: n.key } : {}), onCycle: onCycle.has(n.id), highlighted: n.key === view.item.key })),
      edges: view.map.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, status: e.status, late: late.has(e.id), onCycle: edgeOnCycle(e) })),
      truncated: view.map.truncated,
      hops,
    },
    facts: view.facts,
    limits: { descriptionChars: DEPENDENCY_LIMITS.descriptionChars, reasonChars: DEPENDENCY_LIMITS.reasonChars, nameChars: DEPENDENCY_LIMITS.nameChars },
  };
}

export function toDependencyChangeDto(result: ChangeResult, hops: number): DependencyChangeDto {
  return { changed: result.changed, savedRev: result.savedRev, view: toDependencyViewDto(result.view, hops), warnings: result.warnings };
}
