import type { SiteChange } from '../../jira/changes';
import type { SiteData, StoredIssue } from '../../jira/model';
import { Presenter } from '../../jira/present';

/**
 * Turns the emulator's changes into Forge product events with Jira's payload shapes (Forge's "Jira events"
 * reference): the event type, the payload, and the projects it is about (an app that cannot see one of them
 * does not get it).
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/
 */
export interface ProductEvent {
  eventType: string;
  projectIds: string[];
  payload: Record<string, unknown>;
}

/** The accountId of the app's own user, as `atlassianId` of changes the app made with `asApp()`. */
export const APP_ACCOUNT_ID = '712020:0ff1ine0-f0a9-4e00-a99a-00000000a990';

/** The issue fields Forge documents for issue events. */
const EVENT_ISSUE_FIELDS = new Set(['summary', 'issuetype', 'created', 'project', 'reporter', 'assignee', 'updated', 'status']);

function eventIssue(site: SiteData, issue: StoredIssue): Record<string, unknown> {
  const presented = new Presenter(site).issue(issue, EVENT_ISSUE_FIELDS, [], () => true);
  const fields = presented.fields as Record<string, unknown>;
  return { id: issue.id, key: issue.key, fields: { ...fields, creator: { accountId: issue.reporterAccountId } } };
}

export function toProductEvents(change: SiteChange, site: SiteData): ProductEvent[] {
  const atlassianId = change.actor.accountId ?? APP_ACCOUNT_ID;
  const issueById = (id: string): StoredIssue | undefined => site.issues.find((i) => i.id === id);
  switch (change.type) {
    case 'issue:created':
    case 'issue:updated': {
      const issue = issueById(change.issueId);
      if (!issue) return [];
      const payload: Record<string, unknown> = { issue: eventIssue(site, issue), atlassianId, associatedUsers: [{ accountId: atlassianId }] };
      if (change.type === 'issue:updated') payload.changelog = { id: String(change.sequence), items: change.items };
      return [{ eventType: change.type === 'issue:created' ? 'avi:jira:created:issue' : 'avi:jira:updated:issue', projectIds: [issue.projectId], payload }];
    }
    case 'issuelink:created':
    case 'issuelink:deleted': {
      const { link } = change;
      const type = site.linkTypes.find((t) => t.id === link.typeId);
      const ends = [issueById(link.inwardIssueId), issueById(link.outwardIssueId)];
      return [
        {
          eventType: change.type === 'issuelink:created' ? 'avi:jira:created:issuelink' : 'avi:jira:deleted:issuelink',
          projectIds: ends.flatMap((i) => (i ? [i.projectId] : [])),
          payload: {
            id: link.id,
            sourceIssueId: link.inwardIssueId,
            destinationIssueId: link.outwardIssueId,
            issueLinkType: type ? { id: type.id, name: type.name, outwardName: type.outward, inwardName: type.inward, isSubTaskLinkType: false, isSystemLinkType: false } : null,
            atlassianId,
          },
        },
      ];
    }
    case 'issue-property:set':
    case 'issue-property:deleted': {
      const issue = issueById(change.issueId);
      return [
        {
          eventType: change.type === 'issue-property:set' ? 'avi:jira:set:issue-property' : 'avi:jira:deleted:issue-property',
          projectIds: issue ? [issue.projectId] : [],
          payload: { entityId: change.issueId, entityType: 'issue', propertyKey: change.propertyKey, atlassianId },
        },
      ];
    }
    case 'version:created':
    case 'version:updated':
    case 'version:released': {
      const eventType = { 'version:created': 'avi:jira:created:version', 'version:updated': 'avi:jira:updated:version', 'version:released': 'avi:jira:released:version' }[change.type];
      return [{ eventType, projectIds: [change.version.projectId], payload: { version: new Presenter(site).version(change.version), atlassianId } }];
    }
  }
}
