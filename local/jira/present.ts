import { hasKey, keyedRecord, type SiteData, type StoredIssue, type StoredIssueType, type StoredProject, type StoredStatus, type StoredUser, type StoredVersion } from './model';

/**
 * Turns stored data into Jira Cloud REST v3 representations (shapes from the public OpenAPI description:
 * IssueBean, UserDetails, IssueTypeDetails, StatusDetails, Version, IssueLink...).
 */
export const CUSTOM_FIELDS = {
  storyPoints: { id: 'customfield_10016', name: 'Story point estimate', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', type: 'number', clause: 'cf[10016]' },
  flagged: { id: 'customfield_10021', name: 'Flagged', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes', type: 'array', clause: 'cf[10021]' },
  // Jira lists the Team field's clauses as cf[10001], Team and Team[Team]; JQL searches it by team id.
  team: { id: 'customfield_10001', name: 'Team', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team', type: 'team', clause: 'cf[10001]', typedClause: 'Team[Team]' },
} as const;

const SYSTEM_FIELDS: Array<{ id: string; name: string; navigable: boolean; type: string; items?: string }> = [
  { id: 'summary', name: 'Summary', navigable: true, type: 'string' },
  { id: 'description', name: 'Description', navigable: false, type: 'string' },
  { id: 'issuetype', name: 'Issue Type', navigable: true, type: 'issuetype' },
  { id: 'status', name: 'Status', navigable: true, type: 'status' },
  { id: 'priority', name: 'Priority', navigable: true, type: 'priority' },
  { id: 'assignee', name: 'Assignee', navigable: true, type: 'user' },
  { id: 'reporter', name: 'Reporter', navigable: true, type: 'user' },
  { id: 'labels', name: 'Labels', navigable: true, type: 'array', items: 'string' },
  { id: 'fixVersions', name: 'Fix versions', navigable: true, type: 'array', items: 'version' },
  { id: 'parent', name: 'Parent', navigable: true, type: 'issuelink' },
  { id: 'duedate', name: 'Due date', navigable: true, type: 'date' },
  { id: 'created', name: 'Created', navigable: true, type: 'datetime' },
  { id: 'updated', name: 'Updated', navigable: true, type: 'datetime' },
  { id: 'project', name: 'Project', navigable: true, type: 'project' },
  { id: 'issuelinks', name: 'Linked Issues', navigable: true, type: 'array', items: 'issuelinks' },
  { id: 'comment', name: 'Comment', navigable: false, type: 'comments-page' },
];

export const ALL_FIELD_IDS = [...SYSTEM_FIELDS.map((f) => f.id), ...Object.values(CUSTOM_FIELDS).map((f) => f.id)];
const NAVIGABLE_FIELD_IDS = [...SYSTEM_FIELDS.filter((f) => f.navigable).map((f) => f.id), ...Object.values(CUSTOM_FIELDS).map((f) => f.id)];

export function fieldList(): unknown[] {
  return [
    ...SYSTEM_FIELDS.map((f) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: false,
      orderable: f.id !== 'created' && f.id !== 'updated',
      navigable: f.navigable,
      searchable: true,
      clauseNames: [f.id === 'issuetype' ? 'type' : f.id === 'fixVersions' ? 'fixVersion' : f.id],
      schema: { type: f.type, system: f.id, ...(f.items ? { items: f.items } : {}) },
    })),
    ...Object.values(CUSTOM_FIELDS).map((f) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [f.clause, f.name, ...('typedClause' in f ? [f.typedClause] : [])],
      schema: { type: f.type, custom: f.custom, customId: Number(f.id.replace('customfield_', '')), ...(f.type === 'array' ? { items: 'option' } : {}) },
    })),
  ];
}

/** Resolves a `fields` request parameter (comma list, *all, *navigable, -exclusions) to field ids. */
export function resolveFieldSelection(requested: string[] | undefined, defaultSelection: '*all' | 'id'): Set<string> {
  const tokens = (requested && requested.length > 0 ? requested : [defaultSelection]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const selected = new Set<string>();
  for (const t of tokens) {
    if (t === '*all') ALL_FIELD_IDS.forEach((f) => selected.add(f));
    else if (t === '*navigable') NAVIGABLE_FIELD_IDS.forEach((f) => selected.add(f));
    else if (!t.startsWith('-')) selected.add(t);
  }
  for (const t of tokens) if (t.startsWith('-')) selected.delete(t.slice(1));
  return selected;
}

export class Presenter {
  constructor(private readonly site: SiteData) {}

  private get base(): string {
    return `${this.site.siteUrl}/rest/api/3`;
  }

  avatarUrls(seed: string): Record<string, string> {
    const u = `${this.site.siteUrl}/__local/avatar/${encodeURIComponent(seed)}.svg`;
    return { '48x48': u, '24x24': u, '16x16': u, '32x32': u };
  }

  user(user: StoredUser | undefined): unknown {
    if (!user) return null;
    return {
      self: `${this.base}/user?accountId=${encodeURIComponent(user.accountId)}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      emailAddress: user.emailAddress,
      avatarUrls: this.avatarUrls(user.displayName),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
    };
  }

  userById(accountId: string | null): unknown {
    return accountId ? this.user(this.site.users.find((u) => u.accountId === accountId)) : null;
  }

  issueType(t: StoredIssueType): unknown {
    return {
      self: `${this.base}/issuetype/${t.id}`,
      id: t.id,
      description: t.description,
      iconUrl: `${this.site.siteUrl}/__local/issuetype/${encodeURIComponent(t.name)}.svg`,
      name: t.name,
      subtask: t.subtask,
      avatarId: 10300 + Number(t.id) - 10000,
      hierarchyLevel: t.hierarchyLevel,
    };
  }

  status(s: StoredStatus): unknown {
    const cat = { new: { id: 2, colorName: 'blue-gray', name: 'To Do' }, indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' }, done: { id: 3, colorName: 'green', name: 'Done' } }[s.categoryKey];
    return {
      self: `${this.base}/status/${s.id}`,
      description: '',
      iconUrl: `${this.site.siteUrl}/__local/status.png`,
      name: s.name,
      id: s.id,
      statusCategory: { self: `${this.base}/statuscategory/${cat.id}`, id: cat.id, key: s.categoryKey, colorName: cat.colorName, name: cat.name },
    };
  }

  version(v: StoredVersion): unknown {
    return {
      self: `${this.base}/version/${v.id}`,
      id: v.id,
      name: v.name,
      description: v.description,
      archived: v.archived,
      released: v.released,
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
      projectId: Number(v.projectId),
    };
  }

  project(p: StoredProject, withDetails = false): unknown {
    const base = {
      self: `${this.base}/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: this.avatarUrls(p.key),
    };
    if (!withDetails) return base;
    return {
      ...base,
      style: 'classic',
      isPrivate: false,
      lead: this.userById(p.leadAccountId),
      issueTypes: this.site.issueTypes.map((t) => this.issueType(t)),
      versions: this.site.versions.filter((v) => v.projectId === p.id).map((v) => this.version(v)),
    };
  }

  private issueRef(issue: StoredIssue): unknown {
    return {
      id: issue.id,
      key: issue.key,
      self: `${this.base}/issue/${issue.id}`,
      fields: {
        summary: issue.summary,
        status: this.status(this.site.statuses.find((s) => s.id === issue.statusId)!),
        priority: this.priority(issue.priorityId),
        issuetype: this.issueType(this.site.issueTypes.find((t) => t.id === issue.issueTypeId)!),
      },
    };
  }

  private priority(id: string): unknown {
    const p = this.site.priorities.find((x) => x.id === id)!;
    return { self: `${this.base}/priority/${p.id}`, iconUrl: `${this.site.siteUrl}/__local/priority/${p.id}.svg`, name: p.name, id: p.id };
  }

  comment(c: StoredIssue['comments'][number], issue: StoredIssue): unknown {
    return {
      self: `${this.base}/issue/${issue.id}/comment/${c.id}`,
      id: c.id,
      author: this.userById(c.authorAccountId),
      body: c.body,
      updateAuthor: this.userById(c.authorAccountId),
      created: c.created,
      updated: c.updated,
      jsdPublic: true,
    };
  }

  /** Issue links visible from `issue`, limited to issues the caller may see. */
  issueLinks(issue: StoredIssue, canSee: (i: StoredIssue) => boolean): unknown[] {
    const out: unknown[] = [];
    for (const link of this.site.links) {
      const type = this.site.linkTypes.find((t) => t.id === link.typeId)!;
      const typeJson = { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${this.base}/issueLinkType/${type.id}` };
      if (link.inwardIssueId === issue.id) {
        const other = this.site.issues.find((i) => i.id === link.outwardIssueId);
        if (other && canSee(other)) out.push({ id: link.id, self: `${this.base}/issueLink/${link.id}`, type: typeJson, outwardIssue: this.issueRef(other) });
      } else if (link.outwardIssueId === issue.id) {
        const other = this.site.issues.find((i) => i.id === link.inwardIssueId);
        if (other && canSee(other)) out.push({ id: link.id, self: `${this.base}/issueLink/${link.id}`, type: typeJson, inwardIssue: this.issueRef(other) });
      }
    }
    return out;
  }

  link(linkId: string): unknown {
    const link = this.site.links.find((l) => l.id === linkId)!;
    const type = this.site.linkTypes.find((t) => t.id === link.typeId)!;
    return {
      id: link.id,
      self: `${this.base}/issueLink/${link.id}`,
      type: { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${this.base}/issueLinkType/${type.id}` },
      inwardIssue: this.issueRef(this.site.issues.find((i) => i.id === link.inwardIssueId)!),
      outwardIssue: this.issueRef(this.site.issues.find((i) => i.id === link.outwardIssueId)!),
    };
  }

  fieldValue(issue: StoredIssue, fieldId: string, canSee: (i: StoredIssue) => boolean): unknown {
    switch (fieldId) {
      case 'summary':
        return issue.summary;
      case 'description':
        return issue.description;
      case 'issuetype':
        return this.issueType(this.site.issueTypes.find((t) => t.id === issue.issueTypeId)!);
      case 'status':
        return this.status(this.site.statuses.find((s) => s.id === issue.statusId)!);
      case 'priority':
        return this.priority(issue.priorityId);
      case 'assignee':
        return this.userById(issue.assigneeAccountId);
      case 'reporter':
        return this.userById(issue.reporterAccountId);
      case 'labels':
        return issue.labels;
      case 'fixVersions':
        return issue.fixVersionIds.map((id) => this.version(this.site.versions.find((v) => v.id === id)!));
      case 'parent': {
        const parent = issue.parentId ? this.site.issues.find((i) => i.id === issue.parentId) : undefined;
        return parent ? this.issueRef(parent) : undefined;
      }
      case 'duedate':
        return issue.duedate;
      case 'created':
        return issue.created;
      case 'updated':
        return issue.updated;
      case 'project':
        return this.project(this.site.projects.find((p) => p.id === issue.projectId)!);
      case 'issuelinks':
        return this.issueLinks(issue, canSee);
      case 'comment':
        return { comments: issue.comments.map((c) => this.comment(c, issue)), self: `${this.base}/issue/${issue.id}/comment`, maxResults: issue.comments.length, total: issue.comments.length, startAt: 0 };
      case CUSTOM_FIELDS.storyPoints.id:
        return issue.storyPoints;
      case CUSTOM_FIELDS.flagged.id:
        return issue.flagged ? [{ self: `${this.base}/customFieldOption/10019`, value: 'Impediment', id: '10019' }] : null;
      case CUSTOM_FIELDS.team.id: {
        const team = this.site.teams.find((t) => t.id === issue.teamId);
        return team ? { id: team.id, name: team.name, avatarUrl: this.avatarUrls(team.name)['48x48'], isVisible: true, isVerified: false, title: team.name, isShared: true } : null;
      }
      default:
        return undefined;
    }
  }

  issue(issue: StoredIssue, fields: Set<string>, properties: string[], canSee: (i: StoredIssue) => boolean): Record<string, unknown> {
    const fieldsJson: Record<string, unknown> = {};
    for (const f of fields) {
      if (f === 'id' || f === 'key') continue;
      const value = this.fieldValue(issue, f, canSee);
      if (value !== undefined) fieldsJson[f] = value;
    }
    const out: Record<string, unknown> = { expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations', id: issue.id, self: `${this.base}/issue/${issue.id}`, key: issue.key };
    if (Object.keys(fieldsJson).length > 0 || fields.size > 0) out.fields = fieldsJson;
    if (properties.length > 0) {
      out.properties = keyedRecord(properties.filter((p) => hasKey(issue.properties, p)).map((p) => [p, issue.properties[p]] as const));
    }
    return out;
  }
}
