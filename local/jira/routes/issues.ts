import type { SiteAccess } from '../access';
import { HttpError, json, listParam, noContent, objectBody, stringArray, type Register } from '../http';
import { issueChangelog } from '../changelog';
import { addIssue, draftIssue } from '../issue-builder';
import type { StoredIssue } from '../model';
import { hasProjectPermission } from '../permissions';
import { resolveFieldSelection } from '../present';
import { applyFields } from './issue-fields';
import { MAX_PROPERTIES_PER_ISSUE_IN_SEARCH } from './search';

type FieldUpdates = Record<string, Array<Record<string, unknown>>>;

/** Issues: create, get, edit and bulk fetch. */
export function issueRoutes(r: Register, s: SiteAccess): void {
  r('POST', '/issue', (ctx) => {
    const fields = objectBody(ctx).fields as Record<string, unknown> | undefined;
    if (!fields || typeof fields !== 'object') throw new HttpError(400, [], { fields: 'Fields are required.' });
    const projectRef = fields.project as { id?: string; key?: string } | undefined;
    const project = projectRef ? s.project(projectRef.key ?? projectRef.id ?? '') : undefined;
    if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) throw new HttpError(400, [], { project: 'Specify a valid project ID or key' });
    if (!hasProjectPermission(ctx.principal, project, 'CREATE_ISSUES')) throw new HttpError(403, ['You do not have permission to create issues in this project.']);
    const typeRef = fields.issuetype as { id?: string; name?: string } | undefined;
    const type = s.site.issueTypes.find((t) => t.id === typeRef?.id || (typeof typeRef?.name === 'string' && t.name.toLowerCase() === typeRef.name.toLowerCase()));
    if (!type) throw new HttpError(400, [], { issuetype: 'Specify an issue type' });
    if (typeof fields.summary !== 'string' || fields.summary.trim() === '') throw new HttpError(400, [], { summary: 'You must specify a summary of the issue.' });
    const issue = draftIssue(s.site, { projectId: project.id, issueTypeId: type.id, summary: '', reporterAccountId: s.currentAccountId(ctx) ?? project.leadAccountId, created: s.stamp() });
    const { project: _p, issuetype: _t, ...rest } = fields;
    const errors = applyFields(s, issue, rest, {});
    if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
    addIssue(s.site, issue);
    s.commit(ctx, { type: 'issue:created', issueId: issue.id });
    return json(201, { id: issue.id, key: issue.key, self: `${s.site.siteUrl}/rest/api/3/issue/${issue.id}` });
  });

  r('POST', '/issue/bulkfetch', (ctx) => {
    const b = objectBody(ctx);
    if (!Array.isArray(b.issueIdsOrKeys) || b.issueIdsOrKeys.length === 0) throw new HttpError(400, ['issueIdsOrKeys must contain at least one issue id or key.']);
    if (b.issueIdsOrKeys.length > 100) throw new HttpError(400, ['issueIdsOrKeys must contain at most 100 issue ids or keys.']);
    const properties = stringArray(b.properties, 'properties') ?? [];
    if (properties.length > MAX_PROPERTIES_PER_ISSUE_IN_SEARCH) throw new HttpError(400, [`A maximum of ${MAX_PROPERTIES_PER_ISSUE_IN_SEARCH} issue properties can be requested.`]);
    const fields = resolveFieldSelection(stringArray(b.fields, 'fields'), '*all');
    const see = s.canSee(ctx.principal);
    // As documented: issues that do not exist or that the caller cannot see are left out silently;
    // issueErrors is only for retriable errors, which the emulator does not produce.
    const issues: unknown[] = [];
    for (const ref of b.issueIdsOrKeys as unknown[]) {
      const issue = typeof ref === 'string' ? s.findIssue(ref) : undefined;
      if (issue && see(issue)) issues.push(s.presenter.issue(issue, fields, properties, see));
    }
    return json(200, { issues, issueErrors: [] });
  });

  r('GET', '/issue/{key}', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    const fields = resolveFieldSelection(listParam(ctx.url.searchParams.get('fields')), '*all');
    const properties = listParam(ctx.url.searchParams.get('properties')) ?? [];
    const wanted = properties.includes('*all') ? Object.keys(issue.properties) : properties;
    return json(200, s.presenter.issue(issue, fields, wanted, s.canSee(ctx.principal)));
  });

  r('PUT', '/issue/{key}', (ctx) => {
    const issue = s.visibleIssue(ctx, ctx.params[0]!);
    s.requirePermission(ctx, issue, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const body = objectBody(ctx) as { fields?: Record<string, unknown>; update?: FieldUpdates };
    // applyFields replaces fields rather than mutating them, so a shallow copy is a safe draft.
    const draft: StoredIssue = { ...issue };
    const errors = applyFields(s, draft, body.fields ?? {}, body.update ?? {});
    if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
    const items = issueChangelog(s.site, issue, draft);
    Object.assign(issue, draft);
    s.touch(issue);
    if (items.length > 0) s.commit(ctx, { type: 'issue:updated', issueId: issue.id, items });
    return noContent();
  });
}
