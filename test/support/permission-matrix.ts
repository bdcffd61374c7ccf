import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { ResolverEntry } from './app-entry-points';

/** What the app keeps: everything a refused request must leave alone (leases are transient). */
export function storedData(site: LocalSite): string {
  const { issues, links } = site.store.data;
  const kvs = Object.entries(site.kvs.values()).filter(([key]) => !key.startsWith('lock:'));
  return JSON.stringify({ issues, links, kvs });
}

/** Calls one resolver function as the bridge does, on an issue (issue modules), a project (project modules) or neither (the global page). */
export async function callResolver(site: LocalSite, entry: ResolverEntry, issueKey: string, accountId: string, payload: unknown): Promise<Result<unknown>> {
  const context = entry.moduleType === 'jira:issuePanel' || entry.moduleType === 'jira:issueContext' ? { issueKey } : entry.moduleType === 'jira:globalPage' ? {} : { projectKey: issueKey.split('-')[0]! };
  return (await site.invoke({ moduleKey: entry.moduleKey, context, functionKey: entry.functionKey, payload }, accountId)) as Result<unknown>;
}

/** The needles that occur in the text as whole words: DATA-1 is not in DATA-12, nor id 1002 in 10023. */
export const occurring = (text: string, needles: Iterable<string>): string[] =>
  [...needles].filter((n) => new RegExp(`(?<![\\w-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`).test(text));

/** Every place in an answer where one of the needles occurs, as "needle at path". */
export function leaks(answer: unknown, needles: ReadonlySet<string>, path = '$'): string[] {
  if (typeof answer === 'string') return occurring(answer, needles).map((n) => `${n} at ${path}`);
  if (Array.isArray(answer)) return answer.flatMap((v, i) => leaks(v, needles, `${path}[${i}]`));
  if (typeof answer === 'object' && answer !== null) return Object.entries(answer).flatMap(([k, v]) => [...leaks(k, needles, `${path} key`), ...leaks(v, needles, `${path}.${k}`)]);
  return [];
}
