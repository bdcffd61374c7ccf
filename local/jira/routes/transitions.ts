import type { SiteAccess } from '../access';
import { issueChangelog } from '../changelog';
import { HttpError, json, noContent, objectBody, type Register } from '../http';
import type { SiteData, StoredStatus } from '../model';

/**
 * Issue transitions in the simplified workflow of a team-managed project: every status can be reached from every
 * other, one global transition per status, named after it. Transition ids are stable per status.
 */
export const transitionId = (site: SiteData, status: StoredStatus): string => String((site.statuses.indexOf(status) + 1) * 10 + 1);

export function transitionRoutes(r: Register, s: SiteAccess): void {
  const transitionTo = (status: StoredStatus): Record<string, unknown> => ({
    id: transitionId(s.site, status),
    name: status.name,
    to: s.presenter.status(status),
    hasScreen: false,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    looped: false,
  });

  r('GET', '/issue/{key}/transitions', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    const wanted = ctx.url.searchParams.get('transitionId');
    const statuses = s.site.statuses.filter((st) => st.id !== issue.statusId && (wanted === null || transitionId(s.site, st) === wanted));
    return json(200, { transitions: statuses.map(transitionTo) });
  });

  r('POST', '/issue/{key}/transitions', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    s.requirePermission(ctx, issue, 'EDIT_ISSUES', 'You do not have permission to transition this issue.');
    const id = (objectBody(ctx) as { transition?: { id?: unknown } }).transition?.id;
    const target = s.site.statuses.find((st) => st.id !== issue.statusId && transitionId(s.site, st) === String(id));
    if (!target) throw new HttpError(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
    const before = structuredClone(issue);
    issue.statusId = target.id;
    s.touch(issue);
    s.commit(ctx, { type: 'issue:updated', issueId: issue.id, items: issueChangelog(s.site, before, issue) });
    return noContent();
  });
}
