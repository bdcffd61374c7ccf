import type { SiteAccess } from '../access';
import { keyedRecord, type StoredIssue } from '../model';
import { hasProjectPermission } from '../permissions';
import { CUSTOM_FIELDS } from '../present';

/** Applies `fields` (set) and `update` (add/remove/set operations) to a draft; returns Jira-style field errors. */
export function applyFields(s: SiteAccess, issue: StoredIssue, fields: Record<string, unknown>, update: Record<string, Array<Record<string, unknown>>>): Record<string, string> {
  // Keyed by the caller's field names, so `__proto__` is reported like any other unknown field.
  const errors = keyedRecord<string>();
  const versionsOf = (refs: unknown, field: string): string[] | null => {
    if (!Array.isArray(refs)) {
      errors[field] = 'Expected an array of versions.';
      return null;
    }
    const ids: string[] = [];
    for (const r of refs as Array<{ id?: string; name?: string }>) {
      const v = s.site.versions.find((x) => x.projectId === issue.projectId && (x.id === r?.id || x.name === r?.name));
      if (!v) {
        errors[field] = `Version name '${r?.name ?? r?.id ?? ''}' is not valid`;
        return null;
      }
      ids.push(v.id);
    }
    return ids;
  };
  for (const [field, value] of Object.entries(fields)) {
    switch (field) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
        else issue.summary = value;
        break;
      case 'description':
        if (value !== null && (typeof value !== 'object' || (value as { type?: string }).type !== 'doc')) errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
        else issue.description = value as StoredIssue['description'];
        break;
      case 'labels':
        if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l) || l === '')) errors.labels = 'Labels must be strings without spaces.';
        else issue.labels = [...new Set(value as string[])];
        break;
      case 'priority': {
        const ref = value as { id?: string; name?: string } | null;
        const p = s.site.priorities.find((x) => x.id === ref?.id || x.name === ref?.name);
        if (!p) errors.priority = `Priority name '${ref?.name ?? ref?.id ?? ''}' is not valid`;
        else issue.priorityId = p.id;
        break;
      }
      case 'assignee': {
        const ref = value as { accountId?: string | null } | null;
        if (ref === null || ref.accountId === null) issue.assigneeAccountId = null;
        else {
          const project = s.site.projects.find((p) => p.id === issue.projectId)!;
          const user = s.site.users.find((u) => u.accountId === ref.accountId);
          if (!user || !hasProjectPermission({ kind: 'user', accountId: user.accountId }, project, 'BROWSE_PROJECTS')) errors.assignee = `User '${ref.accountId ?? ''}' cannot be assigned issues.`;
          else issue.assigneeAccountId = user.accountId;
        }
        break;
      }
      case 'duedate':
        if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) errors.duedate = "Error parsing date string. Use the format 'yyyy-MM-dd'.";
        else issue.duedate = value;
        break;
      case 'fixVersions': {
        const ids = versionsOf(value, 'fixVersions');
        if (ids) issue.fixVersionIds = ids;
        break;
      }
      case 'parent': {
        const ref = value as { id?: string; key?: string } | null;
        if (ref === null || (!ref.id && !ref.key)) {
          issue.parentId = null;
          break;
        }
        const parent = s.findIssue(ref.key ?? ref.id ?? '');
        const childType = s.site.issueTypes.find((t) => t.id === issue.issueTypeId)!;
        const parentType = parent ? s.site.issueTypes.find((t) => t.id === parent.issueTypeId)! : undefined;
        if (!parent || !parentType) errors.parent = `Could not find issue by id or key.`;
        else if (parentType.hierarchyLevel !== childType.hierarchyLevel + 1) errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
        else issue.parentId = parent.id;
        break;
      }
      case CUSTOM_FIELDS.storyPoints.id:
        if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) errors[field] = 'Story point estimate must be a non-negative number.';
        else issue.storyPoints = value;
        break;
      case CUSTOM_FIELDS.flagged.id: {
        if (value === null || (Array.isArray(value) && value.length === 0)) issue.flagged = false;
        else if (Array.isArray(value) && value.every((o: { value?: string; id?: string }) => o?.value === 'Impediment' || o?.id === '10019')) issue.flagged = true;
        else errors[field] = "Option value 'Impediment' (id 10019) is the only option of Flagged.";
        break;
      }
      case CUSTOM_FIELDS.team.id: {
        if (value === null) issue.teamId = null;
        else {
          const team = s.site.teams.find((t) => t.id === value || t.id === (value as { id?: string })?.id);
          if (!team) errors[field] = 'Team does not exist.';
          else issue.teamId = team.id;
        }
        break;
      }
      default:
        errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  for (const [field, ops] of Object.entries(update)) {
    if (!Array.isArray(ops)) {
      errors[field] = 'Update operations must be an array.';
      continue;
    }
    for (const op of ops) {
      const [verb, arg] = op !== null && typeof op === 'object' ? (Object.entries(op)[0] ?? []) : [];
      if (field === 'labels') {
        if (typeof arg !== 'string' && verb !== 'set') errors.labels = 'Labels must be strings without spaces.';
        else if (verb === 'add') issue.labels = [...new Set([...issue.labels, arg as string])];
        else if (verb === 'remove') issue.labels = issue.labels.filter((l) => l !== arg);
        else if (verb === 'set' && Array.isArray(arg)) issue.labels = [...new Set(arg as string[])];
        else errors.labels = `Unsupported operation '${verb ?? ''}' on labels.`;
      } else if (field === 'fixVersions') {
        const ids = versionsOf(verb === 'set' ? arg : [arg], 'fixVersions');
        if (!ids) continue;
        if (verb === 'add') issue.fixVersionIds = [...new Set([...issue.fixVersionIds, ...ids])];
        else if (verb === 'remove') issue.fixVersionIds = issue.fixVersionIds.filter((id) => !ids.includes(id));
        else if (verb === 'set') issue.fixVersionIds = ids;
        else errors.fixVersions = `Unsupported operation '${verb ?? ''}' on fixVersions.`;
      } else {
        errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
      }
    }
  }
  return errors;
}
