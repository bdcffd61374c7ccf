import type { WorkItem } from '../../domain/work-item';
import type { WorkItemDto } from '../../shared/contract';

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
