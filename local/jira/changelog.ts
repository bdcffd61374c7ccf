import type { ChangelogItem } from './changes';
import type { SiteData, StoredIssue } from './model';
import { CUSTOM_FIELDS } from './present';

/**
 * The changelog items of an issue edit, as Jira writes them: ids in `from`/`to`, display values in
 * `fromString`/`toString`, lists joined with spaces (labels) or listed in brackets (Flagged: `[10019]`).
 */
type Describe = (site: SiteData, issue: StoredIssue) => { value: string | null; display: string | null };

const FLAG_OPTION = { id: '10019', value: 'Impediment' };

const TRACKED: Array<{ field: string; fieldId: string; fieldtype: 'jira' | 'custom'; describe: Describe }> = [
  { field: 'summary', fieldId: 'summary', fieldtype: 'jira', describe: (_s, i) => ({ value: null, display: i.summary }) },
  {
    field: 'status',
    fieldId: 'status',
    fieldtype: 'jira',
    describe: (s, i) => ({ value: i.statusId, display: s.statuses.find((x) => x.id === i.statusId)?.name ?? null }),
  },
  {
    field: 'priority',
    fieldId: 'priority',
    fieldtype: 'jira',
    describe: (s, i) => ({ value: i.priorityId, display: s.priorities.find((x) => x.id === i.priorityId)?.name ?? null }),
  },
  { field: 'labels', fieldId: 'labels', fieldtype: 'jira', describe: (_s, i) => ({ value: null, display: i.labels.length ? i.labels.join(' ') : null }) },
  {
    field: 'assignee',
    fieldId: 'assignee',
    fieldtype: 'jira',
    describe: (s, i) => ({ value: i.assigneeAccountId, display: s.users.find((u) => u.accountId === i.assigneeAccountId)?.displayName ?? null }),
  },
  { field: 'duedate', fieldId: 'duedate', fieldtype: 'jira', describe: (_s, i) => ({ value: i.duedate, display: i.duedate }) },
  {
    field: 'IssueParentAssociation',
    fieldId: 'parent',
    fieldtype: 'jira',
    describe: (s, i) => ({ value: i.parentId, display: s.issues.find((x) => x.id === i.parentId)?.key ?? null }),
  },
  {
    field: 'Flagged',
    fieldId: CUSTOM_FIELDS.flagged.id,
    fieldtype: 'custom',
    describe: (_s, i) => (i.flagged ? { value: `[${FLAG_OPTION.id}]`, display: FLAG_OPTION.value } : { value: null, display: null }),
  },
  {
    field: 'Story point estimate',
    fieldId: CUSTOM_FIELDS.storyPoints.id,
    fieldtype: 'custom',
    describe: (_s, i) => ({ value: null, display: i.storyPoints === null ? null : String(i.storyPoints) }),
  },
];

/** The items that differ between two states of one issue; fixVersions gives one item per version added or removed. */
export function issueChangelog(site: SiteData, before: StoredIssue, after: StoredIssue): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  for (const t of TRACKED) {
    const from = t.describe(site, before);
    const to = t.describe(site, after);
    if (from.value === to.value && from.display === to.display) continue;
    items.push({ field: t.field, fieldId: t.fieldId, fieldtype: t.fieldtype, from: from.value, fromString: from.display, to: to.value, toString: to.display });
  }
  const versionName = (id: string): string | null => site.versions.find((v) => v.id === id)?.name ?? null;
  for (const id of after.fixVersionIds.filter((v) => !before.fixVersionIds.includes(v))) {
    items.push({ field: 'Fix Version', fieldId: 'fixVersions', fieldtype: 'jira', from: null, fromString: null, to: id, toString: versionName(id) });
  }
  for (const id of before.fixVersionIds.filter((v) => !after.fixVersionIds.includes(v))) {
    items.push({ field: 'Fix Version', fieldId: 'fixVersions', fieldtype: 'jira', from: id, fromString: versionName(id), to: null, toString: null });
  }
  return items;
}
