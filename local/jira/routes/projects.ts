import type { SiteAccess } from '../access';
import { HttpError, json, type EmuResponse, type Register } from '../http';
import { hasProjectPermission } from '../permissions';
import { fieldList } from '../present';

/** Projects, their versions, and the site's issue types and fields. */
export function projectRoutes(r: Register, s: SiteAccess): void {
  const issueTypes = (): EmuResponse => json(200, s.site.issueTypes.map((t) => s.presenter.issueType(t)));

  r('GET', '/project/search', (ctx) => {
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 50), 100);
    const visible = s.site.projects.filter((p) => hasProjectPermission(ctx.principal, p, 'BROWSE_PROJECTS'));
    const page = visible.slice(startAt, startAt + maxResults);
    return json(200, {
      self: `${s.site.siteUrl}/rest/api/3/project/search`,
      maxResults,
      startAt,
      total: visible.length,
      isLast: startAt + page.length >= visible.length,
      values: page.map((p) => s.presenter.project(p)),
    });
  });

  r('GET', '/project/{key}', (ctx) => json(200, s.presenter.project(s.visibleProject(ctx, ctx.params[0]!), true)));

  r('GET', '/project/{key}/versions', (ctx) => {
    const project = s.visibleProject(ctx, ctx.params[0]!);
    return json(200, s.site.versions.filter((v) => v.projectId === project.id).map((v) => s.presenter.version(v)));
  });

  r('GET', '/issuetype', issueTypes);

  r('GET', '/issuetype/project', (ctx) => {
    const projectId = ctx.url.searchParams.get('projectId');
    if (!projectId) throw new HttpError(400, ['The projectId query parameter must be provided.']);
    s.visibleProject(ctx, projectId);
    return issueTypes();
  });

  r('GET', '/field', () => json(200, fieldList()));
}
