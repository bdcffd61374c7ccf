import type { SiteAccess } from '../access';
import { HttpError, json, objectBody, stringArray, type Ctx, type EmuResponse, type Register } from '../http';
import { compileJql } from '../jql';
import { decodePageToken, encodePageToken } from '../page-token';
import type { StoredIssue } from '../model';
import { resolveFieldSelection } from '../present';

const SEARCH_MAX_RESULTS_WITH_FIELDS = 100;
const SEARCH_MAX_RESULTS_IDS_ONLY = 5_000;
export const MAX_PROPERTIES_PER_ISSUE_IN_SEARCH = 5;
const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchRequest {
  jql: string | undefined;
  nextPageToken: string | undefined;
  maxResults: string | number | undefined;
  fields: string[];
  properties: string[];
}

/** JQL search (enhanced search: GET and POST /search/jql with page tokens) and the approximate count. */
export function searchRoutes(r: Register, s: SiteAccess): void {
  const matching = async (ctx: Ctx, jql: string | undefined): Promise<StoredIssue[]> => {
    if (typeof jql !== 'string' || jql.trim() === '') throw new HttpError(400, [UNBOUNDED]);
    const query = await compileJql(jql, { site: s.site, currentAccountId: s.currentAccountId(ctx), aliases: s.aliases, now: s.now() });
    if (!query.bounded) throw new HttpError(400, [UNBOUNDED]);
    return query.select(s.site.issues.filter(s.canSee(ctx.principal)));
  };

  const search = async (ctx: Ctx, req: SearchRequest): Promise<EmuResponse> => {
    const properties = req.properties.map((p) => p.trim()).filter(Boolean);
    if (properties.length > MAX_PROPERTIES_PER_ISSUE_IN_SEARCH) throw new HttpError(400, [`A maximum of ${MAX_PROPERTIES_PER_ISSUE_IN_SEARCH} issue properties can be requested.`]);
    const fields = resolveFieldSelection(req.fields.length > 0 ? req.fields : undefined, 'id');
    const idsOnly = [...fields].every((f) => f === 'id' || f === 'key');
    const cap = idsOnly ? SEARCH_MAX_RESULTS_IDS_ONLY : SEARCH_MAX_RESULTS_WITH_FIELDS;
    const requested = req.maxResults === undefined ? 50 : Number(req.maxResults);
    if (!Number.isInteger(requested) || requested < 0) throw new HttpError(400, ["The value of 'maxResults' must be a non-negative integer."]);
    const pageSize = Math.min(requested, cap);
    const all = await matching(ctx, req.jql);
    let offset = 0;
    if (req.nextPageToken) {
      offset = decodePageToken(req.nextPageToken, req.jql!) ?? invalidPageToken();
    }
    const page = all.slice(offset, offset + pageSize);
    const see = s.canSee(ctx.principal);
    const next = offset + page.length;
    const isLast = next >= all.length;
    return json(200, {
      issues: page.map((i) => s.presenter.issue(i, fields, properties, see)),
      ...(isLast ? {} : { nextPageToken: encodePageToken(next, offset, req.jql!) }),
      isLast,
    });
  };

  r('GET', '/search/jql', (ctx) => {
    const p = ctx.url.searchParams;
    return search(ctx, {
      jql: p.get('jql') ?? undefined,
      nextPageToken: p.get('nextPageToken') ?? undefined,
      maxResults: p.get('maxResults') ?? undefined,
      fields: p.getAll('fields').flatMap((f) => f.split(',')),
      properties: p.getAll('properties').flatMap((f) => f.split(',')),
    });
  });

  r('POST', '/search/jql', (ctx) => {
    const b = objectBody(ctx);
    return search(ctx, {
      jql: b.jql as string | undefined,
      nextPageToken: b.nextPageToken as string | undefined,
      maxResults: b.maxResults as number | undefined,
      fields: stringArray(b.fields, 'fields') ?? [],
      properties: stringArray(b.properties, 'properties') ?? [],
    });
  });

  r('POST', '/search/approximate-count', async (ctx) => json(200, { count: (await matching(ctx, objectBody(ctx).jql as string | undefined)).length }));
}

function invalidPageToken(): never {
  throw new HttpError(400, ['The nextPageToken is invalid or does not belong to this query.']);
}
