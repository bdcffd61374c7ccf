import type { SiteAccess } from '../access';
import { HttpError, json, type Ctx, type Register } from '../http';
import { hasProjectPermission, isProjectPermission, PROJECT_PERMISSIONS, type ProjectPermissionKey } from '../permissions';
import type { StoredProject } from '../model';

/** Users and the caller's own permissions: /myself, /user, /user/search, /user/viewissue/search, /user/bulk, /mypermissions. */
export function userRoutes(r: Register, s: SiteAccess): void {
  r('GET', '/myself', (ctx) => {
    const id = s.currentAccountId(ctx);
    if (!id) throw new HttpError(401, ['The app is not a user: use asUser() to call /myself.']);
    return json(200, { ...(s.presenter.userById(id) as object), locale: 'en_GB', groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] } });
  });

  r('GET', '/user', (ctx) => {
    const accountId = ctx.url.searchParams.get('accountId');
    if (!accountId) throw new HttpError(400, ['The accountId query parameter needs to be provided.']);
    const user = s.site.users.find((u) => u.accountId === accountId);
    if (!user) throw new HttpError(404, [`Specified user does not exist or you do not have required permissions`]);
    return json(200, s.presenter.user(user));
  });

  r('GET', '/user/search', (ctx) => {
    const q = (ctx.url.searchParams.get('query') ?? '').toLowerCase();
    const users = s.site.users.filter((u) => !q || u.displayName.toLowerCase().includes(q) || u.emailAddress.toLowerCase().startsWith(q));
    return json(200, users.slice(0, Number(ctx.url.searchParams.get('maxResults') ?? 50)).map((u) => s.presenter.user(u)));
  });

  // Users who can browse a project (or an issue's project) and match `query`, or the one `accountId`.
  r('GET', '/user/viewissue/search', (ctx) => {
    const q = (ctx.url.searchParams.get('query') ?? '').toLowerCase();
    const accountId = ctx.url.searchParams.get('accountId');
    if (!q && !accountId) throw new HttpError(400, ['The query parameter or the accountId parameter must be provided.']);
    const issueKey = ctx.url.searchParams.get('issueKey');
    const projectKey = ctx.url.searchParams.get('projectKey');
    if (!issueKey && !projectKey) throw new HttpError(400, ['Either the issueKey or the projectKey parameter must be provided.']);
    const project = issueKey ? s.projectOf(s.visibleIssue(ctx, issueKey)) : s.visibleProject(ctx, projectKey!);
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 50), 1000);
    // As in Jira: a page of the matching users is taken, then those without the permission are dropped, so a
    // page may hold fewer than maxResults.
    const users = s.site.users
      .filter((u) => (accountId ? u.accountId === accountId : u.displayName.toLowerCase().includes(q) || u.emailAddress.toLowerCase().startsWith(q)))
      .slice(startAt, startAt + maxResults)
      .filter((u) => hasProjectPermission({ kind: 'user', accountId: u.accountId }, project, 'BROWSE_PROJECTS'));
    return json(200, users.map((u) => s.presenter.user(u)));
  });

  r('GET', '/user/bulk', (ctx) => {
    const ids = ctx.url.searchParams.getAll('accountId');
    if (ids.length === 0) throw new HttpError(400, ['The accountId query parameter needs to be provided.']);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 10), 200);
    const users = s.site.users.filter((u) => ids.includes(u.accountId)).slice(0, maxResults);
    return json(200, { self: `${s.site.siteUrl}/rest/api/3/user/bulk`, maxResults, startAt: 0, total: users.length, isLast: true, values: users.map((u) => s.presenter.user(u)) });
  });

  r('GET', '/mypermissions', (ctx) => myPermissions(s, ctx));
}

function myPermissions(s: SiteAccess, ctx: Ctx): ReturnType<typeof json> {
  const keys = (ctx.url.searchParams.get('permissions') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0) throw new HttpError(400, ['The permissions query parameter must be provided.']);
  const unknown = keys.filter((k) => !isProjectPermission(k));
  if (unknown.length > 0) throw new HttpError(400, [`Unrecognized permission keys: ${unknown.join(', ')}`]);
  const issueKey = ctx.url.searchParams.get('issueKey') ?? ctx.url.searchParams.get('issueId');
  const projectKey = ctx.url.searchParams.get('projectKey') ?? ctx.url.searchParams.get('projectId');
  let projects: StoredProject[] = s.site.projects;
  if (issueKey) projects = [s.projectOf(s.visibleIssue(ctx, issueKey))];
  else if (projectKey) projects = [s.visibleProject(ctx, projectKey)];
  const permissions: Record<string, unknown> = {};
  for (const key of keys as ProjectPermissionKey[]) {
    const def = PROJECT_PERMISSIONS[key];
    permissions[key] = { id: def.id, key, name: def.name, type: 'PROJECT', description: def.description, havePermission: projects.some((p) => hasProjectPermission(ctx.principal, p, key)) };
  }
  return json(200, { permissions });
}
