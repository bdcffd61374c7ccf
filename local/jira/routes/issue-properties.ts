import type { SiteAccess } from '../access';
import { HttpError, json, noContent, type Register } from '../http';
import { hasKey } from '../model';

export const PROPERTY_VALUE_MAX_BYTES = 32_768;
const EDIT_DENIED = 'You do not have permission to edit issues in this project.';

/** Issue entity properties: list keys, get, set (up to 32 KB of JSON) and delete. */
export function issuePropertyRoutes(r: Register, s: SiteAccess): void {
  const missing = (key: string): HttpError => new HttpError(404, [`The property with key '${key}' does not exist.`]);

  r('GET', '/issue/{key}/properties', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    return json(200, { keys: Object.keys(issue.properties).map((key) => ({ key, self: `${s.site.siteUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}` })) });
  });

  r('GET', '/issue/{key}/properties/{prop}', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    const key = ctx.params[1]!;
    if (!hasKey(issue.properties, key)) throw missing(key);
    return json(200, { key, value: issue.properties[key] });
  });

  r('PUT', '/issue/{key}/properties/{prop}', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    s.requirePermission(ctx, issue, 'EDIT_ISSUES', EDIT_DENIED);
    const key = ctx.params[1]!;
    if (key.length > 255) throw new HttpError(400, ['The property key cannot be longer than 255 characters.']);
    if (ctx.body === undefined) throw new HttpError(400, ['The property value must be valid JSON.']);
    const size = Buffer.byteLength(JSON.stringify(ctx.body), 'utf8');
    if (size > PROPERTY_VALUE_MAX_BYTES) throw new HttpError(400, [`The property value is too big: ${size} bytes. The maximum allowed size is ${PROPERTY_VALUE_MAX_BYTES} bytes.`]);
    const existed = hasKey(issue.properties, key);
    issue.properties[key] = ctx.body;
    s.commit(ctx, { type: 'issue-property:set', issueId: issue.id, propertyKey: key });
    return { status: existed ? 200 : 201, headers: {}, body: '' };
  });

  r('DELETE', '/issue/{key}/properties/{prop}', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    s.requirePermission(ctx, issue, 'EDIT_ISSUES', EDIT_DENIED);
    const key = ctx.params[1]!;
    if (!hasKey(issue.properties, key)) throw missing(key);
    delete issue.properties[key];
    s.commit(ctx, { type: 'issue-property:deleted', issueId: issue.id, propertyKey: key });
    return noContent();
  });
}
