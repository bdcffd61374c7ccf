import type { SiteData, StoredIssue, StoredProject } from './model';
import { compileJql, JqlError, type EntityPropertyAlias } from './jql';
import { hasProjectPermission, isProjectPermission, PROJECT_PERMISSIONS, visibleProjectIds, type Principal, type ProjectPermissionKey } from './permissions';
import { decodePageToken, encodePageToken } from './page-token';
import { CUSTOM_FIELDS, fieldList, Presenter, resolveFieldSelection } from './present';
import type { SiteStore } from './store';

/**
 * Jira Cloud REST v3 emulator: the subset of the public API the app and its tools use, with Jira's status
 * codes, error bodies and permission behaviour. Pure request -> response: the HTTP server and the Forge
 * backend shim both call `handle`.
 */
export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly errorMessages: string[], readonly errors: Record<string, string> = {}) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
}

const json = (status: number, body: unknown): EmuResponse => ({ status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) });
const noContent = (): EmuResponse => ({ status: 204, headers: {} });
const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const PROPERTY_VALUE_MAX_BYTES = 32_768;
const SEARCH_MAX_RESULTS_WITH_FIELDS = 100;
const SEARCH_MAX_RESULTS_IDS_ONLY = 5_000;
const MAX_PROPERTIES_PER_ISSUE_IN_SEARCH = 5;

interface Ctx {
  principal: Principal;
  url: URL;
  body: unknown;
  params: string[];
}

type Handler = (ctx: Ctx) => EmuResponse | Promise<EmuResponse>;

export class JiraEmulator {
  private readonly routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  private readonly presenter: Presenter;

  constructor(private readonly store: SiteStore, private readonly aliases: EntityPropertyAlias[], private readonly now: () => Date = () => new Date()) {
    this.presenter = new Presenter(store.data);
    const r = (method: string, path: string, handler: Handler): void => {
      const pattern = new RegExp(`^/rest/api/3${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      this.routes.push({ method, pattern, handler });
    };
    r('GET', '/myself', (c) => this.getMyself(c));
    r('GET', '/user', (c) => this.getUser(c));
    r('GET', '/user/search', (c) => this.searchUsers(c));
    r('GET', '/user/bulk', (c) => this.bulkUsers(c));
    r('GET', '/mypermissions', (c) => this.getMyPermissions(c));
    r('GET', '/project/search', (c) => this.searchProjects(c));
    r('GET', '/project/{key}', (c) => this.getProject(c));
    r('GET', '/project/{key}/versions', (c) => this.getProjectVersions(c));
    r('GET', '/issuetype', (c) => this.getIssueTypes(c));
    r('GET', '/issuetype/project', (c) => this.getIssueTypesForProject(c));
    r('GET', '/field', () => json(200, fieldList()));
    r('GET', '/issueLinkType', (c) => this.getLinkTypes(c));
    r('POST', '/issueLink', (c) => this.createLink(c));
    r('GET', '/issueLink/{id}', (c) => this.getLink(c));
    r('DELETE', '/issueLink/{id}', (c) => this.deleteLink(c));
    r('POST', '/issue', (c) => this.createIssue(c));
    r('POST', '/issue/bulkfetch', (c) => this.bulkFetch(c));
    r('GET', '/issue/{key}', (c) => this.getIssue(c));
    r('PUT', '/issue/{key}', (c) => this.editIssue(c));
    r('GET', '/issue/{key}/comment', (c) => this.getComments(c));
    r('POST', '/issue/{key}/comment', (c) => this.addComment(c));
    r('GET', '/issue/{key}/properties', (c) => this.getPropertyKeys(c));
    r('GET', '/issue/{key}/properties/{prop}', (c) => this.getProperty(c));
    r('PUT', '/issue/{key}/properties/{prop}', (c) => this.setProperty(c));
    r('DELETE', '/issue/{key}/properties/{prop}', (c) => this.deleteProperty(c));
    r('GET', '/search/jql', (c) => this.searchGet(c));
    r('POST', '/search/jql', (c) => this.searchPost(c));
    r('POST', '/search/approximate-count', (c) => this.approximateCount(c));
  }

  private get site(): SiteData {
    return this.store.data;
  }



  /** Jira Cloud's Basic auth: a user's email and an API token (any non-empty token here). */
  authenticate(authorization: string | undefined | null): Principal {
    if (!authorization?.startsWith('Basic ')) return { kind: 'anonymous' };
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep < 1 || sep === decoded.length - 1) return { kind: 'anonymous' };
    const email = decoded.slice(0, sep).toLowerCase();
    const user = this.site.users.find((u) => u.emailAddress.toLowerCase() === email && u.active);
    return user ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
  }

  async handle(method: string, pathAndQuery: string, bodyText: string | undefined, principal: Principal): Promise<EmuResponse> {
    const url = new URL(pathAndQuery, 'http://jira.local');
    const path = url.pathname.replace(/\/+$/, '');
    if (principal.kind === 'anonymous') {
      return json(401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
    }
    let allowed = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      allowed = true;
      if (route.method !== method.toUpperCase()) continue;
      try {
        let body: unknown = undefined;
        if (bodyText && bodyText.length > 0) {
          try {
            body = JSON.parse(bodyText);
          } catch {
            throw new HttpError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
          }
        }
        const response = await route.handler({ principal, url, body, params: m.slice(1).map(decodeURIComponent) });
        await this.store.durable(); // a write is acknowledged only once it is on disk
        return response;
      } catch (e) {
        if (e instanceof HttpError) return json(e.status, { errorMessages: e.errorMessages, errors: e.errors });
        if (e instanceof JqlError) return json(400, { errorMessages: [e.message], errors: {} });
        throw e;
      }
    }
    if (allowed) return { status: 405, headers: {}, body: '' };
    return json(404, { errorMessages: [`No REST endpoint at ${path} in the Jira emulator.`], errors: {} });
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private project(idOrKey: string): StoredProject | undefined {
    return this.site.projects.find((p) => p.id === idOrKey || p.key.toLowerCase() === idOrKey.toLowerCase());
  }

  private canSee(principal: Principal): (i: StoredIssue) => boolean {
    const visible = visibleProjectIds(this.site, principal);
    return (i) => visible.has(i.projectId);
  }

  private findIssue(idOrKey: string): StoredIssue | undefined {
    const k = idOrKey.toUpperCase();
    return this.site.issues.find((i) => i.id === idOrKey || i.key === k);
  }

  private visibleIssue(ctx: Ctx, idOrKey: string): StoredIssue {
    const issue = this.findIssue(idOrKey);
    if (!issue || !this.canSee(ctx.principal)(issue)) throw new HttpError(404, [ISSUE_NOT_FOUND]);
    return issue;
  }

  private requirePermission(ctx: Ctx, issue: StoredIssue, permission: ProjectPermissionKey, message: string): void {
    const project = this.site.projects.find((p) => p.id === issue.projectId)!;
    if (!hasProjectPermission(ctx.principal, project, permission)) throw new HttpError(403, [message]);
  }

  private touch(issue: StoredIssue): void {
    issue.updated = this.now().toISOString().replace('Z', '+0000');
    this.store.changed();
  }

  private currentAccountId(ctx: Ctx): string | null {
    return ctx.principal.kind === 'user' ? ctx.principal.accountId : null;
  }

  // ---- users, projects, metadata ---------------------------------------------------------------------------

  private getMyself(ctx: Ctx): EmuResponse {
    const id = this.currentAccountId(ctx);
    if (!id) throw new HttpError(401, ['The app is not a user: use asUser() to call /myself.']);
    return json(200, { ...(this.presenter.userById(id) as object), locale: 'en_GB', groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] } });
  }

  private getUser(ctx: Ctx): EmuResponse {
    const accountId = ctx.url.searchParams.get('accountId');
    if (!accountId) throw new HttpError(400, ['The accountId query parameter needs to be provided.']);
    const user = this.site.users.find((u) => u.accountId === accountId);
    if (!user) throw new HttpError(404, [`Specified user does not exist or you do not have required permissions`]);
    return json(200, this.presenter.user(user));
  }

  private searchUsers(ctx: Ctx): EmuResponse {
    const q = (ctx.url.searchParams.get('query') ?? '').toLowerCase();
    const users = this.site.users.filter((u) => !q || u.displayName.toLowerCase().includes(q) || u.emailAddress.toLowerCase().startsWith(q));
    return json(200, users.slice(0, Number(ctx.url.searchParams.get('maxResults') ?? 50)).map((u) => this.presenter.user(u)));
  }

  private bulkUsers(ctx: Ctx): EmuResponse {
    const ids = ctx.url.searchParams.getAll('accountId');
    if (ids.length === 0) throw new HttpError(400, ['The accountId query parameter needs to be provided.']);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 10), 200);
    const users = this.site.users.filter((u) => ids.includes(u.accountId)).slice(0, maxResults);
    return json(200, { self: `${this.site.siteUrl}/rest/api/3/user/bulk`, maxResults, startAt: 0, total: users.length, isLast: true, values: users.map((u) => this.presenter.user(u)) });
  }

  private getMyPermissions(ctx: Ctx): EmuResponse {
    const keys = (ctx.url.searchParams.get('permissions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (keys.length === 0) throw new HttpError(400, ['The permissions query parameter must be provided.']);
    const unknown = keys.filter((k) => !isProjectPermission(k));
    if (unknown.length > 0) throw new HttpError(400, [`Unrecognized permission keys: ${unknown.join(', ')}`]);
    const issueKey = ctx.url.searchParams.get('issueKey') ?? ctx.url.searchParams.get('issueId');
    const projectKey = ctx.url.searchParams.get('projectKey') ?? ctx.url.searchParams.get('projectId');
    let projects: StoredProject[] = this.site.projects;
    if (issueKey) {
      const issue = this.visibleIssue(ctx, issueKey);
      projects = [this.site.projects.find((p) => p.id === issue.projectId)!];
    } else if (projectKey) {
      const project = this.project(projectKey);
      if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) throw new HttpError(404, [`No project could be found with key '${projectKey}'.`]);
      projects = [project];
    }
    const permissions: Record<string, unknown> = {};
    for (const key of keys as ProjectPermissionKey[]) {
      const def = PROJECT_PERMISSIONS[key];
      permissions[key] = { id: def.id, key, name: def.name, type: 'PROJECT', description: def.description, havePermission: projects.some((p) => hasProjectPermission(ctx.principal, p, key)) };
    }
    return json(200, { permissions });
  }

  private searchProjects(ctx: Ctx): EmuResponse {
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 50), 100);
    const visible = this.site.projects.filter((p) => hasProjectPermission(ctx.principal, p, 'BROWSE_PROJECTS'));
    const page = visible.slice(startAt, startAt + maxResults);
    return json(200, {
      self: `${this.site.siteUrl}/rest/api/3/project/search`,
      maxResults,
      startAt,
      total: visible.length,
      isLast: startAt + page.length >= visible.length,
      values: page.map((p) => this.presenter.project(p)),
    });
  }

  private visibleProject(ctx: Ctx, key: string): StoredProject {
    const project = this.project(key);
    if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) {
      throw new HttpError(404, [`No project could be found with key '${key}'.`]);
    }
    return project;
  }

  private getProject(ctx: Ctx): EmuResponse {
    return json(200, this.presenter.project(this.visibleProject(ctx, ctx.params[0]!), true));
  }

  private getProjectVersions(ctx: Ctx): EmuResponse {
    const project = this.visibleProject(ctx, ctx.params[0]!);
    return json(200, this.site.versions.filter((v) => v.projectId === project.id).map((v) => this.presenter.version(v)));
  }

  private getIssueTypes(_ctx?: Ctx): EmuResponse {
    return json(200, this.site.issueTypes.map((t) => this.presenter.issueType(t)));
  }

  private getIssueTypesForProject(ctx: Ctx): EmuResponse {
    const projectId = ctx.url.searchParams.get('projectId');
    if (!projectId) throw new HttpError(400, ['The projectId query parameter must be provided.']);
    this.visibleProject(ctx, projectId);
    return this.getIssueTypes(ctx);
  }

  // ---- issue links -----------------------------------------------------------------------------------------

  private getLinkTypes(_ctx: Ctx): EmuResponse {
    const base = `${this.site.siteUrl}/rest/api/3`;
    return json(200, { issueLinkTypes: this.site.linkTypes.map((t) => ({ ...t, self: `${base}/issueLinkType/${t.id}` })) });
  }

  private createLink(ctx: Ctx): EmuResponse {
    const body = ctx.body as { type?: { id?: string; name?: string }; inwardIssue?: { id?: string; key?: string }; outwardIssue?: { id?: string; key?: string } } | undefined;
    const type = this.site.linkTypes.find((t) => t.id === body?.type?.id || (body?.type?.name !== undefined && t.name.toLowerCase() === body.type.name.toLowerCase()));
    if (!type) throw new HttpError(404, [`No issue link type with name '${body?.type?.name ?? body?.type?.id ?? ''}' found.`]);
    const ref = (r: { id?: string; key?: string } | undefined): StoredIssue => this.visibleIssue(ctx, r?.key ?? r?.id ?? '');
    const inward = ref(body?.inwardIssue);
    const outward = ref(body?.outwardIssue);
    this.requirePermission(ctx, inward, 'LINK_ISSUES', 'You do not have the permission to link issues.');
    if (inward.id === outward.id) throw new HttpError(400, ['You cannot link an issue to itself.']);
    const existing = this.site.links.find((l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id);
    if (!existing) {
      this.site.counters.link += 1;
      this.site.links.push({ id: String(this.site.counters.link), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
      this.touch(inward);
      this.touch(outward);
    }
    return { status: 201, headers: {}, body: '' };
  }

  private linkFor(ctx: Ctx): SiteData['links'][number] {
    const link = this.site.links.find((l) => l.id === ctx.params[0]);
    const see = this.canSee(ctx.principal);
    const issue = (id: string): StoredIssue | undefined => this.site.issues.find((i) => i.id === id);
    if (!link || !see(issue(link.inwardIssueId)!) || !see(issue(link.outwardIssueId)!)) {
      throw new HttpError(404, [`No issue link with id '${ctx.params[0]}' exists.`]);
    }
    return link;
  }

  private getLink(ctx: Ctx): EmuResponse {
    return json(200, this.presenter.link(this.linkFor(ctx).id));
  }

  private deleteLink(ctx: Ctx): EmuResponse {
    const link = this.linkFor(ctx);
    this.requirePermission(ctx, this.findIssue(link.inwardIssueId)!, 'LINK_ISSUES', 'You do not have the permission to delete links.');
    this.site.links = this.site.links.filter((l) => l.id !== link.id);
    this.store.changed();
    return noContent();
  }

  // ---- issues ----------------------------------------------------------------------------------------------

  private list(param: string | null): string[] | undefined {
    return param === null ? undefined : param.split(',').map((s) => s.trim()).filter(Boolean);
  }

  private getIssue(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    const fields = resolveFieldSelection(this.list(ctx.url.searchParams.get('fields')), '*all');
    const properties = this.list(ctx.url.searchParams.get('properties')) ?? [];
    const wanted = properties.includes('*all') ? Object.keys(issue.properties) : properties;
    return json(200, this.presenter.issue(issue, fields, wanted, this.canSee(ctx.principal)));
  }

  private createIssue(ctx: Ctx): EmuResponse {
    const fields = (ctx.body as { fields?: Record<string, unknown> } | undefined)?.fields;
    if (!fields || typeof fields !== 'object') throw new HttpError(400, [], { fields: 'Fields are required.' });
    const projectRef = fields.project as { id?: string; key?: string } | undefined;
    const project = projectRef ? this.project(projectRef.key ?? projectRef.id ?? '') : undefined;
    if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) throw new HttpError(400, [], { project: 'Specify a valid project ID or key' });
    if (!hasProjectPermission(ctx.principal, project, 'CREATE_ISSUES')) throw new HttpError(403, ['You do not have permission to create issues in this project.']);
    const typeRef = fields.issuetype as { id?: string; name?: string } | undefined;
    const type = this.site.issueTypes.find((t) => t.id === typeRef?.id || (typeRef?.name !== undefined && t.name.toLowerCase() === typeRef.name.toLowerCase()));
    if (!type) throw new HttpError(400, [], { issuetype: 'Specify an issue type' });
    if (typeof fields.summary !== 'string' || fields.summary.trim() === '') throw new HttpError(400, [], { summary: 'You must specify a summary of the issue.' });
    this.site.counters.issue += 1;
    this.site.counters.project[project.key] = (this.site.counters.project[project.key] ?? 0) + 1;
    const stamp = this.now().toISOString().replace('Z', '+0000');
    const issue: StoredIssue = {
      id: String(this.site.counters.issue),
      key: `${project.key}-${this.site.counters.project[project.key]}`,
      projectId: project.id,
      issueTypeId: type.id,
      statusId: this.site.statuses[0]!.id,
      priorityId: '3',
      summary: '',
      description: null,
      assigneeAccountId: null,
      reporterAccountId: this.currentAccountId(ctx) ?? project.leadAccountId,
      labels: [],
      fixVersionIds: [],
      parentId: null,
      duedate: null,
      storyPoints: null,
      flagged: false,
      teamId: null,
      created: stamp,
      updated: stamp,
      properties: {},
      comments: [],
    };
    const { project: _p, issuetype: _t, ...rest } = fields;
    const errors = this.applyFields(issue, rest, {});
    if (Object.keys(errors).length > 0) {
      this.site.counters.issue -= 1;
      this.site.counters.project[project.key]! -= 1;
      throw new HttpError(400, [], errors);
    }
    this.site.issues.push(issue);
    this.store.changed();
    return json(201, { id: issue.id, key: issue.key, self: `${this.site.siteUrl}/rest/api/3/issue/${issue.id}` });
  }

  private editIssue(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    this.requirePermission(ctx, issue, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const body = (ctx.body ?? {}) as { fields?: Record<string, unknown>; update?: Record<string, Array<Record<string, unknown>>> };
    const draft: StoredIssue = structuredClone(issue);
    const errors = this.applyFields(draft, body.fields ?? {}, body.update ?? {});
    if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
    Object.assign(issue, draft);
    this.touch(issue);
    return noContent();
  }

  /** Applies `fields` (set) and `update` (add/remove/set operations) to a draft; returns Jira-style field errors. */
  private applyFields(issue: StoredIssue, fields: Record<string, unknown>, update: Record<string, Array<Record<string, unknown>>>): Record<string, string> {
    const errors: Record<string, string> = {};
    const versionsOf = (refs: unknown, field: string): string[] | null => {
      if (!Array.isArray(refs)) {
        errors[field] = 'Expected an array of versions.';
        return null;
      }
      const ids: string[] = [];
      for (const r of refs as Array<{ id?: string; name?: string }>) {
        const v = this.site.versions.find((x) => x.projectId === issue.projectId && (x.id === r?.id || x.name === r?.name));
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
          const p = this.site.priorities.find((x) => x.id === ref?.id || x.name === ref?.name);
          if (!p) errors.priority = `Priority name '${ref?.name ?? ref?.id ?? ''}' is not valid`;
          else issue.priorityId = p.id;
          break;
        }
        case 'assignee': {
          const ref = value as { accountId?: string | null } | null;
          if (ref === null || ref.accountId === null) issue.assigneeAccountId = null;
          else {
            const project = this.site.projects.find((p) => p.id === issue.projectId)!;
            const user = this.site.users.find((u) => u.accountId === ref.accountId);
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
          const parent = this.findIssue(ref.key ?? ref.id ?? '');
          const childType = this.site.issueTypes.find((t) => t.id === issue.issueTypeId)!;
          const parentType = parent ? this.site.issueTypes.find((t) => t.id === parent.issueTypeId)! : undefined;
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
            const team = this.site.teams.find((t) => t.id === value || t.id === (value as { id?: string })?.id);
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
        const [verb, arg] = Object.entries(op)[0] ?? [];
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

  private getComments(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 100), 100);
    const page = issue.comments.slice(startAt, startAt + maxResults);
    return json(200, { startAt, maxResults, total: issue.comments.length, comments: page.map((c) => this.presenter.comment(c, issue)) });
  }

  private addComment(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    this.requirePermission(ctx, issue, 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
    const body = (ctx.body as { body?: { type?: string } } | undefined)?.body;
    if (!body || body.type !== 'doc') throw new HttpError(400, [], { comment: 'Comment body must be an Atlassian Document (ADF).' });
    this.site.counters.comment += 1;
    const stamp = this.now().toISOString().replace('Z', '+0000');
    const comment = { id: String(this.site.counters.comment), authorAccountId: this.currentAccountId(ctx) ?? this.site.projects[0]!.leadAccountId, body: body as StoredIssue['comments'][number]['body'], created: stamp, updated: stamp };
    issue.comments.push(comment);
    this.touch(issue);
    return json(201, this.presenter.comment(comment, issue));
  }

  // ---- entity properties -----------------------------------------------------------------------------------

  private getPropertyKeys(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    return json(200, { keys: Object.keys(issue.properties).map((key) => ({ key, self: `${this.site.siteUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}` })) });
  }

  private getProperty(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    const key = ctx.params[1]!;
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    return json(200, { key, value: issue.properties[key] });
  }

  private setProperty(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    this.requirePermission(ctx, issue, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const key = ctx.params[1]!;
    if (key.length > 255) throw new HttpError(400, ['The property key cannot be longer than 255 characters.']);
    if (ctx.body === undefined) throw new HttpError(400, ['The property value must be valid JSON.']);
    const size = Buffer.byteLength(JSON.stringify(ctx.body), 'utf8');
    if (size > PROPERTY_VALUE_MAX_BYTES) throw new HttpError(400, [`The property value is too big: ${size} bytes. The maximum allowed size is ${PROPERTY_VALUE_MAX_BYTES} bytes.`]);
    const existed = key in issue.properties;
    issue.properties[key] = ctx.body;
    this.store.changed();
    return { status: existed ? 200 : 201, headers: {}, body: '' };
  }

  private deleteProperty(ctx: Ctx): EmuResponse {
    const issue = this.visibleIssue(ctx, ctx.params[0]!);
    this.requirePermission(ctx, issue, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const key = ctx.params[1]!;
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    delete issue.properties[key];
    this.store.changed();
    return noContent();
  }

  // ---- search ----------------------------------------------------------------------------------------------

  private searchGet(ctx: Ctx): Promise<EmuResponse> {
    const p = ctx.url.searchParams;
    return this.search(ctx, {
      jql: p.get('jql') ?? undefined,
      nextPageToken: p.get('nextPageToken') ?? undefined,
      maxResults: p.get('maxResults') ?? undefined,
      fields: p.getAll('fields').flatMap((f) => f.split(',')),
      properties: p.getAll('properties').flatMap((f) => f.split(',')),
    });
  }

  private searchPost(ctx: Ctx): Promise<EmuResponse> {
    const b = (ctx.body ?? {}) as Record<string, unknown>;
    for (const k of ['fields', 'properties']) {
      if (b[k] !== undefined && !Array.isArray(b[k])) throw new HttpError(400, [`'${k}' must be an array of strings.`]);
    }
    return this.search(ctx, {
      jql: b.jql as string | undefined,
      nextPageToken: b.nextPageToken as string | undefined,
      maxResults: b.maxResults as number | undefined,
      fields: (b.fields as string[] | undefined) ?? [],
      properties: (b.properties as string[] | undefined) ?? [],
    });
  }

  private async matching(ctx: Ctx, jql: string | undefined): Promise<StoredIssue[]> {
    if (typeof jql !== 'string' || jql.trim() === '') {
      throw new HttpError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
    }
    const query = await compileJql(jql, { site: this.site, currentAccountId: this.currentAccountId(ctx), aliases: this.aliases, now: this.now() });
    if (!query.bounded) throw new HttpError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
    const see = this.canSee(ctx.principal);
    return query.select(this.site.issues.filter(see));
  }

  private async search(ctx: Ctx, req: { jql: string | undefined; nextPageToken: string | undefined; maxResults: string | number | undefined; fields: string[]; properties: string[] }): Promise<EmuResponse> {
    const properties = req.properties.map((s) => s.trim()).filter(Boolean);
    if (properties.length > MAX_PROPERTIES_PER_ISSUE_IN_SEARCH) throw new HttpError(400, [`A maximum of ${MAX_PROPERTIES_PER_ISSUE_IN_SEARCH} issue properties can be requested.`]);
    const fields = resolveFieldSelection(req.fields.length > 0 ? req.fields : undefined, 'id');
    const idsOnly = [...fields].every((f) => f === 'id' || f === 'key');
    const cap = idsOnly ? SEARCH_MAX_RESULTS_IDS_ONLY : SEARCH_MAX_RESULTS_WITH_FIELDS;
    const requested = req.maxResults === undefined ? 50 : Number(req.maxResults);
    if (!Number.isInteger(requested) || requested < 0) throw new HttpError(400, ["The value of 'maxResults' must be a non-negative integer."]);
    const pageSize = Math.min(requested, cap);
    const all = await this.matching(ctx, req.jql);
    let offset = 0;
    if (req.nextPageToken) {
      offset = decodePageToken(req.nextPageToken, req.jql!) ?? invalidPageToken();
    }
    const page = all.slice(offset, offset + pageSize);
    const see = this.canSee(ctx.principal);
    const next = offset + page.length;
    const isLast = next >= all.length;
    return json(200, {
      issues: page.map((i) => this.presenter.issue(i, fields, properties, see)),
      ...(isLast ? {} : { nextPageToken: encodePageToken(next, offset, req.jql!) }),
      isLast,
    });
  }

  private async approximateCount(ctx: Ctx): Promise<EmuResponse> {
    const jql = (ctx.body as { jql?: string } | undefined)?.jql;
    return json(200, { count: (await this.matching(ctx, jql)).length });
  }

  private bulkFetch(ctx: Ctx): EmuResponse {
    const b = (ctx.body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown; properties?: unknown };
    if (!Array.isArray(b.issueIdsOrKeys) || b.issueIdsOrKeys.length === 0) throw new HttpError(400, ['issueIdsOrKeys must contain at least one issue id or key.']);
    if (b.issueIdsOrKeys.length > 100) throw new HttpError(400, ['issueIdsOrKeys must contain at most 100 issue ids or keys.']);
    const properties = Array.isArray(b.properties) ? (b.properties as string[]) : [];
    if (properties.length > MAX_PROPERTIES_PER_ISSUE_IN_SEARCH) throw new HttpError(400, [`A maximum of ${MAX_PROPERTIES_PER_ISSUE_IN_SEARCH} issue properties can be requested.`]);
    const fields = resolveFieldSelection(Array.isArray(b.fields) ? (b.fields as string[]) : undefined, '*all');
    const see = this.canSee(ctx.principal);
    // As documented: issues that do not exist or that the caller cannot see are left out silently;
    // issueErrors is only for retriable errors, which the emulator does not produce.
    const issues: unknown[] = [];
    for (const ref of b.issueIdsOrKeys as unknown[]) {
      const issue = typeof ref === 'string' ? this.findIssue(ref) : undefined;
      if (issue && see(issue)) issues.push(this.presenter.issue(issue, fields, properties, see));
    }
    return json(200, { issues, issueErrors: [] });
  }
}

function invalidPageToken(): never {
  throw new HttpError(400, ['The nextPageToken is invalid or does not belong to this query.']);
}
