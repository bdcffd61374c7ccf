import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PlanningRecordDto, PlanningUpdateDto, PlanningViewDto } from '../../src/shared/contract/planning';
import { basicAuth, USERS } from './local-site';

/** The Planning panel's and the side panel's resolvers, called as the bridge calls them, and Jira read over REST. */
export const panelView = async (site: LocalSite, issueKey: string, accountId: string, moduleKey = 'planning-panel'): Promise<Result<PlanningViewDto>> =>
  (await site.invoke({ moduleKey, context: { issueKey }, functionKey: 'planning.getView' }, accountId)) as Result<PlanningViewDto>;

export const panelUpdate = async (site: LocalSite, issueKey: string, accountId: string, payload: unknown): Promise<Result<PlanningUpdateDto>> =>
  (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey }, functionKey: 'planning.update', payload }, accountId)) as Result<PlanningUpdateDto>;

export const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

export const editSection = (baseRev: number, section: string, text: string) => ({ baseRev, operation: { type: 'spec.editSection', section, text } });

/** An issue property as any REST client reads it (the lead can read every project). */
export async function readProperty(site: LocalSite, issueKey: string, propertyKey: string): Promise<unknown> {
  const r = await fetch(`${site.url}/rest/api/3/issue/${issueKey}/properties/${encodeURIComponent(propertyKey)}`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  return r.status === 200 ? ((await r.json()) as { value: unknown }).value : undefined;
}

export async function writeProperty(site: LocalSite, email: string, issueKey: string, propertyKey: string, value: unknown): Promise<number> {
  const r = await fetch(`${site.url}/rest/api/3/issue/${issueKey}/properties/${encodeURIComponent(propertyKey)}`, {
    method: 'PUT',
    headers: { authorization: basicAuth(email), 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  return r.status;
}

/** The keys a JQL search returns for the lead, over REST. */
export async function jqlKeys(site: LocalSite, jql: string): Promise<string[]> {
  const r = await fetch(`${site.url}/rest/api/3/search/jql?${new URLSearchParams({ jql, fields: 'key', maxResults: '500' })}`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  if (r.status !== 200) throw new Error(`JQL ${jql}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { issues: Array<{ key: string }> }).issues.map((i) => i.key).sort();
}

export type { PlanningRecordDto };
