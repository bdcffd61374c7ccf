import type { AgendaView } from '../../../application/impediments/agenda';
import type { AgendaDto } from '../../../shared/contract/escalations';

/** The agenda on the wire: an owner's display name comes along; a source the user cannot browse has no summary. */
export function toAgendaDto(view: AgendaView): AgendaDto {
  const { agenda, names } = view;
  return {
    project: view.project,
    slaWorkingDays: view.slaWorkingDays,
    lastMeetingAt: agenda.lastMeetingAt,
    impediments: agenda.impediments.map(({ item, impediment: i, sourceSummary, ageWorkingDays, slaBreached }) => ({
      id: i.id,
      item,
      cause: i.cause,
      detail: i.detail,
      source: { key: i.source.key, summary: sourceSummary },
      severity: i.severity,
      raisedAt: i.raisedAt,
      ageWorkingDays,
      slaBreached,
      owner: i.owner ? { accountId: i.owner, displayName: names[i.owner] ?? 'Unknown user' } : null,
      nextStep: i.nextStep,
      discussedAt: i.discussedAt,
    })),
    resolved: agenda.resolved.map(({ item, impediment: i, workingDaysToResolve }) => ({ id: i.id, item, sourceKey: i.source.key, cause: i.cause, resolvedAt: i.resolvedAt ?? i.raisedAt, workingDaysToResolve })),
    lateDependencies: agenda.lateDependencies,
    criticalRisks: agenda.criticalRisks,
    markdown: view.markdown,
    warnings: view.warnings,
    canEdit: view.canEdit,
  };
}
