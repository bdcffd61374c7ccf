import { z } from 'zod';

/**
 * Forge's documented payloads of the Jira product events the offline runtime delivers, as zod schemas
 * ("Jira events" in Forge's events reference). Strict where the reference is precise, open elsewhere.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/
 */
const user = z.object({ accountId: z.string().min(1) });
const context = z.object({ cloudId: z.string().min(1), moduleKey: z.string().min(1) });

export const issueEvent = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue']),
  issue: z.object({
    id: z.string().regex(/^\d+$/),
    key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
    fields: z.object({
      summary: z.string(),
      issuetype: z.object({ id: z.string(), name: z.string() }).passthrough(),
      creator: user,
      created: z.string(),
      project: z.object({ id: z.string(), key: z.string() }).passthrough(),
      reporter: user.passthrough(),
      assignee: user.passthrough().nullable(),
      updated: z.string(),
      status: z.object({ id: z.string(), name: z.string() }).passthrough(),
    }),
  }),
  atlassianId: z.string().min(1),
  associatedUsers: z.array(user),
  context,
});

export const changelogItem = z.object({
  field: z.string(),
  fieldId: z.string(),
  fieldtype: z.enum(['jira', 'custom']),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

export const issueUpdatedEvent = issueEvent.extend({ changelog: z.object({ id: z.string(), items: z.array(changelogItem).min(1) }) });

export const issueLinkEvent = z.object({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  id: z.string(),
  sourceIssueId: z.string(),
  destinationIssueId: z.string(),
  issueLinkType: z.object({ id: z.string(), name: z.string(), outwardName: z.string(), inwardName: z.string() }).passthrough(),
  atlassianId: z.string(),
  context,
});

export const issuePropertyEvent = z.object({
  eventType: z.enum(['avi:jira:set:issue-property', 'avi:jira:deleted:issue-property']),
  entityId: z.string(),
  entityType: z.literal('issue'),
  propertyKey: z.string(),
  atlassianId: z.string(),
  context,
});

export const versionEvent = z.object({
  eventType: z.enum(['avi:jira:created:version', 'avi:jira:updated:version', 'avi:jira:released:version']),
  version: z.object({ id: z.string(), name: z.string(), projectId: z.number(), released: z.boolean(), archived: z.boolean() }).passthrough(),
  atlassianId: z.string(),
  context,
});
