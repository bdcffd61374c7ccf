import { startLocalSite, type LocalSite } from '../../local/host/site';
import { observeProductCalls, type ProductCall } from '../../local/runtime/forge-runtime';
import { ScopeIndex } from '../../local/runtime/scopes';
import type { Result } from '../../src/shared/contract';
import { requireOpenApiFile, ROOT } from '../support/paths';
import { startTestSite, USERS } from '../support/local-site';

/** Drives every resolver the app has, recording the Jira calls made. */
async function exerciseApp(site: LocalSite): Promise<ProductCall[]> {
  const calls: ProductCall[] = [];
  const stop = observeProductCalls((call) => calls.push(call));
  try {
    await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'issue.getOverview', payload: {} }, USERS.lead.accountId);
    await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey: 'PAY' }, functionKey: 'project.listPlanningItems', payload: {} }, USERS.lead.accountId);
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
      const calls = await exerciseApp(site);
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) expect(index.check(c.method, c.path, site.manifest.scopes)).toBeNull();
      for (const scope of site.manifest.scopes) {
        const without = site.manifest.scopes.filter((s) => s !== scope);
        expect({ scope, neededBy: calls.filter((c) => index.check(c.method, c.path, without) !== null).length }).toEqual({ scope, neededBy: expect.any(Number) });
        expect(calls.some((c) => index.check(c.method, c.path, without) !== null)).toBe(true);
      }
    } finally {
      await site.close();
    }
  });

  it('the runtime refuses calls whose scope is missing, as Forge does, and the app reports it', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const site = await startLocalSite({ root: ROOT, port: 0, dataDir: null, grantedScopes: [] });
    try {
      const result = (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'issue.getOverview' }, USERS.lead.accountId)) as Result<unknown>;
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
