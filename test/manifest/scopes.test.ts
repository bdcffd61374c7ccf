import { startLocalSite, type LocalSite } from '../../local/host/site';
import { ScopeIndex } from '../../local/runtime/scopes';
import type { Result } from '../../src/shared/contract';
import { requireOpenApiFile, ROOT } from '../support/paths';
import { startTestSite, USERS } from '../support/local-site';

/** Drives every resolver the app has, recording the Jira calls made. */
async function exerciseApp(site: LocalSite): Promise<Array<{ method: string; path: string; result: unknown }>> {
  const g = globalThis as unknown as { __forge_fetch__: (t: { type: string }, p: string, i?: RequestInit) => Promise<Response> };
  const original = g.__forge_fetch__;
  const calls: Array<{ method: string; path: string; result: unknown }> = [];
  g.__forge_fetch__ = async (target, path, init) => {
    if (target.type === 'fpp') calls.push({ method: (init?.method ?? 'GET').toUpperCase(), path, result: null });
    return original(target, path, init);
  };
  try {
    for (const [moduleKey, context, functionKey] of [
      ['planning-panel', { issueKey: 'PAY-2' }, 'issue.getOverview'],
      ['planning-readiness-page', { projectKey: 'PAY' }, 'project.listPlanningItems'],
    ] as const) {
      calls.push({ method: 'RESOLVER', path: functionKey, result: await site.invoke({ moduleKey, context, functionKey, payload: {} }, USERS.lead.accountId) });
    }
  } finally {
    g.__forge_fetch__ = original;
  }
  return calls;
}

describe('OAuth scopes', () => {
  const index = ScopeIndex.fromOpenApi(requireOpenApiFile());

  it('manifest.yml grants exactly the scopes the code needs: each call is covered and each scope is used', async () => {
    const site = await startTestSite();
    try {
      expect(site.scopeIndex).not.toBeNull();
      const calls = (await exerciseApp(site)).filter((c) => c.method !== 'RESOLVER');
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
