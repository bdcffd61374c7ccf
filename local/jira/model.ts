/**
 * The emulated Jira site's stored state. Shapes are internal to the emulator; `present.ts` turns them into
 * the public REST v3 representations.
 */
export interface Adf {
  type: 'doc';
  version: 1;
  content: unknown[];
}

export interface StoredUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  timeZone: string;
  active: boolean;
}

export type ProjectRole = 'Administrators' | 'Developers' | 'Viewers';

export interface StoredProject {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  /** accountId -> role in this project; a user without a role cannot see the project. */
  roles: Record<string, ProjectRole>;
}

export interface StoredIssueType {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StoredStatus {
  id: string;
  name: string;
  categoryKey: StatusCategoryKey;
}

export interface StoredPriority {
  id: string;
  name: string;
}

export interface StoredVersion {
  id: string;
  projectId: string;
  name: string;
  description: string;
  releaseDate: string | null;
  startDate: string | null;
  released: boolean;
  archived: boolean;
}

export interface StoredTeam {
  id: string;
  name: string;
}

export interface StoredComment {
  id: string;
  authorAccountId: string;
  body: Adf;
  created: string;
  updated: string;
}

export interface StoredIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  priorityId: string;
  summary: string;
  description: Adf | null;
  assigneeAccountId: string | null;
  reporterAccountId: string;
  labels: string[];
  fixVersionIds: string[];
  parentId: string | null;
  duedate: string | null;
  storyPoints: number | null;
  flagged: boolean;
  teamId: string | null;
  created: string;
  updated: string;
  properties: Record<string, unknown>;
  comments: StoredComment[];
}

export interface StoredLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** As created by POST /issueLink: the inward issue "blocks" the outward issue for the Blocks type. */
export interface StoredLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface SiteData {
  schemaVersion: 1;
  siteUrl: string;
  cloudId: string;
  users: StoredUser[];
  projects: StoredProject[];
  issueTypes: StoredIssueType[];
  statuses: StoredStatus[];
  priorities: StoredPriority[];
  versions: StoredVersion[];
  teams: StoredTeam[];
  issues: StoredIssue[];
  linkTypes: StoredLinkType[];
  links: StoredLink[];
  counters: { issue: number; link: number; comment: number; version: number; project: Record<string, number> };
}

/**
 * A record whose keys come from users (issue property keys, field ids, account ids): it has no prototype,
 * so `__proto__` is an ordinary key and `toString` or `constructor` are not inherited. Stored JSON keeps the
 * same shape; `withKeyedRecords` rebuilds these records after JSON.parse (which gives them a prototype).
 */
export function keyedRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

export function hasKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Rebuilds every user-keyed record of a loaded (or freshly seeded) site as a `keyedRecord`, in place. */
export function withKeyedRecords(site: SiteData): SiteData {
  for (const issue of site.issues) issue.properties = keyedRecord(Object.entries(issue.properties));
  for (const project of site.projects) project.roles = keyedRecord(Object.entries(project.roles));
  site.counters.project = keyedRecord(Object.entries(site.counters.project));
  return site;
}
