/**
 * Work items as the app reasons about them: only the Jira fields planning needs.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface Person {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface IssueTypeInfo {
  id: string;
  name: string;
  /** Jira's hierarchy level: -1 sub-task, 0 story level, 1 epic level, 2+ levels added in Plans. */
  hierarchyLevel: number;
  iconUrl: string | null;
}

export interface WorkItem {
  id: string;
  key: string;
  summary: string;
  project: { key: string; name: string };
  issueType: IssueTypeInfo;
  status: { name: string; category: StatusCategory };
  assignee: Person | null;
  parentKey: string | null;
  fixVersions: Array<{ name: string; releaseDate: string | null }>;
  team: string | null;
  flagged: boolean;
}

/** The lowest hierarchy level the app treats as a planning item (epic level and above). */
export const PLANNING_HIERARCHY_LEVEL = 1;

/**
 * Whether an issue type is a planning item (an epic, a feature, or any level above stories).
 * Driven by the hierarchy level, not by names, since sites rename and add levels in Plans.
 *
 * @example
 * isPlanningItemType({ hierarchyLevel: 1 }) // => true  (Epic or Feature at the epic level)
 * isPlanningItemType({ hierarchyLevel: 0 }) // => false (Story, Bug)
 */
export function isPlanningItemType(type: Pick<IssueTypeInfo, 'hierarchyLevel'>): boolean {
  return type.hierarchyLevel >= PLANNING_HIERARCHY_LEVEL;
}
