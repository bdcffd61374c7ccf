import { z } from 'zod';
import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { PersonRef } from '../../domain/planning-record/model';
import type { IssueTypeInfo, Person, WorkItem } from '../../domain/work-item/work-item';

/**
 * Jira responses are validated before they become domain values. Only the fields the app uses are modelled.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 */
const userSchema = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
});

export const issueTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional(),
  iconUrl: z.string().optional(),
});

const statusSchema = z.object({
  name: z.string(),
  statusCategory: z.object({ key: z.string() }),
});

export const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** Only when the request asked for issue properties. */
  properties: z.record(z.string(), z.unknown()).optional(),
});

const issueFieldsSchema = z.object({
  summary: z.string(),
  project: z.object({ key: z.string(), name: z.string() }),
  issuetype: issueTypeSchema,
  status: statusSchema,
  assignee: userSchema.nullish(),
  parent: z.object({ key: z.string() }).nullish(),
  fixVersions: z.array(z.object({ name: z.string(), releaseDate: z.string().optional() })).nullish(),
});

export const projectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  issueTypes: z.array(issueTypeSchema).default([]),
});

export const searchPageSchema = z.object({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export const fieldListSchema = z.array(
  z.object({ id: z.string(), name: z.string(), schema: z.object({ custom: z.string().optional() }).optional() }),
);

/** Jira's custom field types the app reads; ids differ per site, so they are looked up by type. */
export const CUSTOM_FIELD_TYPES = {
  storyPoints: 'com.pyxis.greenhopper.jira:jsw-story-points',
  team: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team',
  flagged: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
} as const;

export interface CustomFieldIds {
  storyPoints: string | null;
  team: string | null;
  flagged: string | null;
}

export function toIssueType(raw: z.infer<typeof issueTypeSchema>): IssueTypeInfo {
  return { id: raw.id, name: raw.name, hierarchyLevel: raw.hierarchyLevel ?? (raw.subtask ? -1 : 0), iconUrl: raw.iconUrl ?? null };
}

function toPerson(raw: z.infer<typeof userSchema> | null | undefined): Person | null {
  if (!raw) return null;
  return { accountId: raw.accountId, displayName: raw.displayName ?? 'Unknown user', avatarUrl: raw.avatarUrls?.['48x48'] ?? null };
}

const categoryOf = (key: string): WorkItem['status']['category'] => (key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new');

export function toWorkItem(raw: z.infer<typeof issueSchema>, customFields: CustomFieldIds): WorkItem {
  const f = issueFieldsSchema.parse(raw.fields);
  const team = customFields.team ? z.object({ name: z.string() }).nullish().safeParse(raw.fields[customFields.team]) : null;
  const flagged = customFields.flagged ? raw.fields[customFields.flagged] : null;
  return {
    id: raw.id,
    key: raw.key,
    summary: f.summary,
    project: f.project,
    issueType: toIssueType(f.issuetype),
    status: { name: f.status.name, category: categoryOf(f.status.statusCategory.key) },
    assignee: toPerson(f.assignee),
    parentKey: f.parent?.key ?? null,
    fixVersions: (f.fixVersions ?? []).map((v) => ({ name: v.name, releaseDate: v.releaseDate ?? null })),
    team: team?.success ? (team.data?.name ?? null) : null,
    flagged: Array.isArray(flagged) && flagged.length > 0,
  };
}

const childFieldsSchema = z.object({
  summary: z.string(),
  issuetype: issueTypeSchema,
  status: statusSchema,
  labels: z.array(z.string()).nullish(),
  parent: z.object({ key: z.string() }).nullish(),
});

export function toDecompositionItem(raw: z.infer<typeof issueSchema>, customFields: CustomFieldIds): DecompositionItem {
  const f = childFieldsSchema.parse(raw.fields);
  const points = customFields.storyPoints ? raw.fields[customFields.storyPoints] : null;
  const team = customFields.team ? z.object({ name: z.string() }).nullish().safeParse(raw.fields[customFields.team]) : null;
  return {
    key: raw.key,
    summary: f.summary,
    issueTypeName: f.issuetype.name,
    hierarchyLevel: toIssueType(f.issuetype).hierarchyLevel,
    statusCategory: categoryOf(f.status.statusCategory.key),
    storyPoints: typeof points === 'number' ? points : null,
    labels: f.labels ?? [],
    parentKey: f.parent?.key ?? null,
    team: team?.success ? (team.data?.name ?? null) : null,
  };
}

const personSchema = z.object({ accountId: z.string(), displayName: z.string().optional() });
export const usersSchema = z.array(personSchema);
export const userPageSchema = z.object({ values: z.array(personSchema) });
export function toPersonRef(raw: z.infer<typeof personSchema>): PersonRef {
  return { accountId: raw.accountId, displayName: raw.displayName ?? 'Unknown user' };
}

export const myPermissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })) });
