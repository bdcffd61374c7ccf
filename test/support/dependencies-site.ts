import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { DependencyChangeDto, DependencyDto, DependencyViewDto } from '../../src/shared/contract/dependencies';
import { basicAuth, USERS } from './local-site';

/** The Dependencies tab's resolver functions, called as the bridge calls them. */
export const depsCall = async <T>(site: LocalSite, functionKey: string, issueKey: string, accountId: string, payload: unknown = {}): Promise<Result<T>> =>
  (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey }, functionKey, payload }, accountId)) as Result<T>;

export const depsView = (site: LocalSite, issueKey: string, accountId: string, hops?: number): Promise<Result<DependencyViewDto>> =>
  depsCall<DependencyViewDto>(site, 'dependencies.getView', issueKey, accountId, hops ? { hops } : {});

export const depsChange = (site: LocalSite, issueKey: string, accountId: string, operation: unknown): Promise<Result<DependencyChangeDto>> =>
  depsCall<DependencyChangeDto>(site, 'dependencies.change', issueKey, accountId, { operation });

export const depsAdd = (site: LocalSite, issueKey: string, accountId: string, providerKey: string, extra: Record<string, unknown> = {}): Promise<Result<DependencyChangeDto>> =>
  depsCall<DependencyChangeDto>(site, 'dependencies.addIssue', issueKey, accountId, { providerKey, linkType: 'Blocks', description: '', neededBy: null, ownerAccountId: null, request: false, ...extra });

/** The dependency of `view` on the far-end issue `key`. */
export const needOn = (view: DependencyViewDto, key: string): DependencyDto => {
  const found = view.needs.find((d) => d.far.kind === 'issue' && d.far.key === key);
  if (!found) throw new Error(`no dependency on ${key} among ${view.needs.map((d) => d.id).join(', ')}`);
  return found;
};

/** A Jira issue link as a script makes it: "provider blocks dependent". */
export async function blockWithRest(site: LocalSite, provider: string, dependent: string, email = USERS.lead.email): Promise<number> {
  const r = await fetch(`${site.url}/rest/api/3/issueLink`, {
    method: 'POST',
    headers: { authorization: basicAuth(email), 'content-type': 'application/json' },
    body: JSON.stringify({ type: { name: 'Blocks' }, inwardIssue: { key: provider }, outwardIssue: { key: dependent } }),
  });
  return r.status;
}

export async function restJson(site: LocalSite, path: string, email = USERS.lead.email): Promise<unknown> {
  const r = await fetch(`${site.url}${path}`, { headers: { authorization: basicAuth(email) } });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}
