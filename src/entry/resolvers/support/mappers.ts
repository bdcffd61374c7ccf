import { integrityMessage } from '../../../domain/planning-record/authority';
import { divergenceWords } from '../../../domain/estimate/estimate';
import { LIMITS, SPEC_SECTIONS, type PlanningRecord } from '../../../domain/planning-record/model';
import type { WorkItem } from '../../../domain/work-item/work-item';
import type { PlanningView } from '../../../application/planning/get-planning-view';
import type { UpdateResult } from '../../../application/planning/update-planning-record';
import type { WorkItemDto } from '../../../shared/contract/common';
import type { PlanningRecordDto, PlanningUpdateDto, PlanningViewDto } from '../../../shared/contract/planning';

/** Domain values to wire DTOs: the UI sees only what the contract names. */
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

export function toPlanningRecordDto(record: PlanningRecord): PlanningRecordDto {
  const { spec, estimate } = record;
  return {
    rev: record.rev,
    spec: { sections: { ...spec.sections }, links: spec.links.map((l) => ({ ...l })), status: spec.status, approval: spec.approval, author: spec.author, lastEditor: spec.lastEditor, lastEditedAt: spec.lastEditedAt },
    estimate: estimate ? { value: estimate.value, confidence: estimate.confidence, assumptions: estimate.assumptions, by: estimate.by, at: estimate.at } : null,
    history: record.history.map((h) => ({ rev: h.rev, at: h.at, by: h.by, what: h.what })),
    review: {
      changesRequest: record.review.changesRequest,
      threads: record.review.threads.map((t) => ({ id: t.id, section: t.section, comments: t.comments.map((c) => ({ id: c.id, by: c.by, at: c.at, text: c.text })) })),
    },
  };
}

export function toPlanningViewDto(view: PlanningView): PlanningViewDto {
  return {
    item: toWorkItemDto(view.item),
    record: toPlanningRecordDto(view.record),
    integrity: { changedOutsideApp: view.integrity.changedOutsideApp || view.integrity.approvalUnverified, message: integrityMessage(view.integrity) },
    recordProblem: view.recordProblem,
    canEdit: view.canEdit,
    canApprove: view.canApprove,
    decomposition: view.decomposition,
    childPlanning: view.childPlanning,
    reconciliation: view.reconciliation ? { ...view.reconciliation, distance: divergenceWords(view.reconciliation) } : null,
    tshirtScale: view.settings.tshirtScale,
    sections: SPEC_SECTIONS.map((s) => ({ key: s.key, title: s.title, maxChars: LIMITS.sectionChars })),
    limits: { assumptionsChars: LIMITS.assumptionsChars, linkTitleChars: LIMITS.linkTitleChars, linkUrlChars: LIMITS.linkUrlChars, commentChars: LIMITS.commentChars },
  };
}

export function toPlanningUpdateDto(result: UpdateResult): PlanningUpdateDto {
  return { changed: result.changed, view: toPlanningViewDto(result.view), warnings: result.warnings };
}
