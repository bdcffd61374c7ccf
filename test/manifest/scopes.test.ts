import { startLocalSite, type LocalSite } from '../../local/host/site';
import { observeProductCalls, type ProductCall } from '../../local/runtime/forge-runtime';
import { ScopeIndex } from '../../local/runtime/scopes';
import type { Result } from '../../src/shared/contract/common';
import type { PlanningViewDto } from '../../src/shared/contract/planning';
import { requireOpenApiFile, ROOT } from '../support/paths';
import { startTestSite, USERS } from '../support/local-site';

/** Drives every resolver the app has, recording the Jira calls made. */
async function exerciseApp(site: LocalSite): Promise<ProductCall[]> {
  const calls: ProductCall[] = [];
  const stop = observeProductCalls((call) => calls.push(call));
  try {
    const lead = USERS.lead.accountId;
    await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'planning.getView', payload: {} }, lead);
    await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey: 'PAY' }, functionKey: 'portfolio.view', payload: { scope: { release: null, issueTypes: [], statuses: [], jql: null } } }, lead);
    const view = (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'planning.getView' }, lead)) as Result<PlanningViewDto>;
    if (!view.ok) throw new Error(view.error.message);
    const edit = { baseRev: view.data.record.rev, operation: { type: 'spec.editSection', section: 'openQuestions', text: 'Scope check' } };
    expect(await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'planning.update', payload: edit }, lead)).toMatchObject({ ok: true });
    await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey: 'settings.get' }, lead);
    await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey: 'settings.searchUsers', payload: { query: 'arj' } }, lead);
  } finally {
    stop();
  }
  return calls;
}

describe('OAuth scopes', () => {
  const index = ScopeIndex.fromOpenApi(requireOpenApiFile());

  it('manifest.yml grants exactly the scopes the code needs: each call is covered and each scope is used', async () => {
    const site = await startTestSite();
    try {
      expect(site.scopeIndex).not.toBeNull();
      const all = await exerciseApp(site);
      const calls = all.filter((c) => c.service === 'jira');
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) expect(index.check(c.method, c.path, site.manifest.scopes)).toBeNull();
      // storage:app is what Forge KVS needs; every other scope must be needed by some Jira call.
      const needed = (scope: string): boolean => {
        if (scope === 'storage:app') return all.some((c) => c.service === 'kvs');
        const without = site.manifest.scopes.filter((s) => s !== scope);
        return calls.some((c) => index.check(c.method, c.path, without) !== null);
      };
      expect(site.manifest.scopes.filter((s) => !needed(s))).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('the runtime refuses calls whose scope is missing (here read:jira-work), as Forge does, and the app reports it', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const site = await startLocalSite({ root: ROOT, port: 0, dataDir: null, grantedScopes: ['write:jira-work', 'read:jira-user', 'storage:app'] });
    try {
      const result = (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'planning.getView' }, USERS.lead.accountId)) as Result<unknown>;
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('needs one of [read:jira-work]'));
    } finally {
      warn.mockRestore();
      await site.close();
    }
  });

  it('knows literal paths from templated ones', () => {
    expect(index.required('POST', '/rest/api/3/issue/bulkfetch')?.template).toBe('/rest/api/3/issue/bulkfetch');
    expect(index.required('PUT', '/rest/api/3/issue/PAY-1/properties/planning-readiness')?.scopeSets).toContainEqual(['write:jira-work']);
  });
});
