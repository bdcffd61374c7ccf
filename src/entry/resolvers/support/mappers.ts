import { LIMITS, SPEC_SECTIONS } from '../../../domain/planning-record/model';
import type { WorkItem } from '../../../domain/work-item/work-item';
import type { PlanningView } from '../../../application/planning/get-planning-view';
import type { PlanningViewDto, WorkItemDto } from '../../../shared/contract/common';

export function toWorkItemDto(item: WorkItem): WorkItemDto {
  return {
    key: item.key,
    summary: item.summary,
    issueType: { name: item.issueType.name, hierarchyLevel: item.issueType.hierarchyLevel, iconUrl: item.issueType.iconUrl },
    status: item.status,
    assignee: item.assignee,
    parentKey: item.parentKey,
    fixVersions: item.fixVersions,
    team: item.team,
    flagged: item.flagged,
  };
}

export function toPlanningViewDto(view: PlanningView): PlanningViewDto {
  return {
    item: toWorkItemDto(view.item),
    record: view.record,
    recordProblem: view.recordProblem,
    canEdit: view.canEdit,
    canApprove: view.canApprove,
    decomposition: view.decomposition,
    reconciliation: view.reconciliation,
    tshirtScale: view.settings.tshirtScale,
    sections: SPEC_SECTIONS.map((s) => ({ key: s.key, title: s.title, maxChars: LIMITS.sectionChars })),
    limits: { assumptionsChars: LIMITS.assumptionsChars, linkTitleChars: LIMITS.linkTitleChars, linkUrlChars: LIMITS.linkUrlChars },
  };
}
