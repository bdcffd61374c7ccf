import type { SiteAccess } from '../access';
import { HttpError, json, objectBody, type Register } from '../http';
import type { StoredComment } from '../model';

/** An issue's comments: a page of them, and adding one (ADF bodies only, as in REST v3). */
export function commentRoutes(r: Register, s: SiteAccess): void {
  r('GET', '/issue/{key}/comment', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 100), 100);
    const page = issue.comments.slice(startAt, startAt + maxResults);
    return json(200, { startAt, maxResults, total: issue.comments.length, comments: page.map((c) => s.presenter.comment(c, issue)) });
  });

  r('POST', '/issue/{key}/comment', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    s.requirePermission(ctx, issue, 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
    const body = objectBody(ctx).body as { type?: string } | undefined;
    if (!body || body.type !== 'doc') throw new HttpError(400, [], { comment: 'Comment body must be an Atlassian Document (ADF).' });
    s.site.counters.comment += 1;
    const stamp = s.stamp();
    const comment: StoredComment = { id: String(s.site.counters.comment), authorAccountId: s.currentAccountId(ctx) ?? s.site.projects[0]!.leadAccountId, body: body as StoredComment['body'], created: stamp, updated: stamp };
    issue.comments.push(comment);
    s.touch(issue);
    return json(201, s.presenter.comment(comment, issue));
  });
}
