import type { SiteAccess } from '../access';
import { created, HttpError, json, noContent, objectBody, type Ctx, type Register } from '../http';
import type { StoredIssue, StoredLink } from '../model';

type IssueRef = { id?: string; key?: string } | undefined;
interface LinkBody {
  type?: { id?: string; name?: string };
  inwardIssue?: IssueRef;
  outwardIssue?: IssueRef;
}

/**
 * Jira Cloud keeps at most 2,000 links per issue; creating one more answers 413.
 * @see https://support.atlassian.com/jira-cloud-administration/docs/jira-cloud-limits/
 */
export const MAX_LINKS_PER_ISSUE = 2_000;

/** Issue link types and issue links. A link is visible only when both of its issues are. */
export function issueLinkRoutes(r: Register, s: SiteAccess): void {
  const linkFor = (ctx: Ctx): StoredLink => {
    const link = s.site.links.find((l) => l.id === ctx.params[0]);
    const see = s.canSee(ctx.principal);
    const issue = (id: string): StoredIssue => s.site.issues.find((i) => i.id === id)!;
    if (!link || !see(issue(link.inwardIssueId)) || !see(issue(link.outwardIssueId))) {
      throw new HttpError(404, [`No issue link with id '${ctx.params[0]}' exists.`]);
    }
    return link;
  };

  r('GET', '/issueLinkType', () => {
    const base = `${s.site.siteUrl}/rest/api/3`;
    return json(200, { issueLinkTypes: s.site.linkTypes.map((t) => ({ ...t, self: `${base}/issueLinkType/${t.id}` })) });
  });

  r('POST', '/issueLink', (ctx) => {
    const body = objectBody(ctx) as LinkBody;
    const type = s.site.linkTypes.find((t) => t.id === body.type?.id || (typeof body.type?.name === 'string' && t.name.toLowerCase() === body.type.name.toLowerCase()));
    if (!type) throw new HttpError(404, [`No issue link type with name '${body.type?.name ?? body.type?.id ?? ''}' found.`]);
    const ref = (r: IssueRef): StoredIssue => s.visibleIssue(ctx, r?.key ?? r?.id ?? '');
    const inward = ref(body.inwardIssue);
    const outward = ref(body.outwardIssue);
    s.requirePermission(ctx, inward, 'LINK_ISSUES', 'You do not have the permission to link issues.');
    if (inward.id === outward.id) throw new HttpError(400, ['You cannot link an issue to itself.']);
    const existing = s.site.links.find((l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id);
    if (!existing) {
      const full = [inward, outward].find((i) => s.site.links.filter((l) => l.inwardIssueId === i.id || l.outwardIssueId === i.id).length >= MAX_LINKS_PER_ISSUE);
      if (full) throw new HttpError(413, [`Issue ${full.key} has reached the limit of ${MAX_LINKS_PER_ISSUE} issue links.`]);
      s.site.counters.link += 1;
      const link: StoredLink = { id: String(s.site.counters.link), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id };
      s.site.links.push(link);
      s.touch(inward);
      s.touch(outward);
      s.commit(ctx, { type: 'issuelink:created', link });
    }
    return created();
  });

  r('GET', '/issueLink/{id}', (ctx) => json(200, s.presenter.link(linkFor(ctx).id)));

  r('DELETE', '/issueLink/{id}', (ctx) => {
    const link = linkFor(ctx);
    s.requirePermission(ctx, s.findIssue(link.inwardIssueId)!, 'LINK_ISSUES', 'You do not have the permission to delete links.');
    s.site.links = s.site.links.filter((l) => l.id !== link.id);
    s.commit(ctx, { type: 'issuelink:deleted', link });
    return noContent();
  });
}
