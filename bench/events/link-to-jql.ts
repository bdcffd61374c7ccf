import { performance } from 'node:perf_hooks';
import { startLocalSite, type LocalSite } from '../../local/host/site';
import { DEMO_USERS } from '../../local/jira/seed';
import { ROOT } from '../portfolio/scale-site';

/**
 * Issue 13's event path: the time from an issue link created over REST (as any script or Jira's own UI
 * would) to the changed `dependencyCycle` answering in JQL. On the demo site, whose seeded cycle is
 * DATA-55 -> DATA-60 -> DATA-71: one link of the cycle is removed (and the flag seen gone), then created
 * again; the clock runs from the POST's answer to the first JQL search that finds DATA-55 flagged. Product
 * events run at platform speed here (no time scaling), through the real trigger.
 */
const CYCLE_MEMBER = 'DATA-55';
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

interface IssueLink {
  id: string;
  type: { name: string };
  inwardIssue?: { key: string };
  outwardIssue?: { key: string };
}

const auth = `Basic ${Buffer.from(`${DEMO_USERS.lead.email}:bench`).toString('base64')}`;

async function rest(site: LocalSite, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${site.url}${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function flagged(site: LocalSite): Promise<boolean> {
  const r = await rest(site, 'GET', `/rest/api/3/search/jql?${new URLSearchParams({ jql: `dependencyCycle = 1 AND key = ${CYCLE_MEMBER}`, fields: 'key' })}`);
  return ((await r.json()) as { issues: unknown[] }).issues.length === 1;
}

/** Milliseconds until `flagged` answers `want`. */
async function until(site: LocalSite, want: boolean): Promise<number> {
  const started = performance.now();
  while ((await flagged(site)) !== want) {
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`dependencyCycle of ${CYCLE_MEMBER} did not become ${want ? 1 : 0} within ${GIVE_UP_MS} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return performance.now() - started;
}

/** A "blocks" link of the seeded cycle at DATA-55, to remove and create again. */
async function cycleLink(site: LocalSite): Promise<IssueLink> {
  const issue = (await (await rest(site, 'GET', `/rest/api/3/issue/${CYCLE_MEMBER}?fields=issuelinks`)).json()) as { fields: { issuelinks: IssueLink[] } };
  const link = issue.fields.issuelinks.find((l) => l.type.name === 'Blocks' && ['DATA-60', 'DATA-71'].includes(l.inwardIssue?.key ?? l.outwardIssue?.key ?? ''));
  if (!link) throw new Error(`The demo's cycle link at ${CYCLE_MEMBER} is missing`);
  return link;
}

export async function linkToJqlFigures(runs: number): Promise<{ medianMs: number; samplesMs: number[] }> {
  const site = await startLocalSite({ root: ROOT, port: 0, dataDir: null });
  try {
    await site.events.drain();
    if (!(await flagged(site))) throw new Error(`The demo's cycle through ${CYCLE_MEMBER} is not flagged`);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { id } = await cycleLink(site);
      // The link itself (not as one end sees it), to create it again exactly.
      const link = (await (await rest(site, 'GET', `/rest/api/3/issueLink/${id}`)).json()) as Required<IssueLink>;
      const body = { type: { name: link.type.name }, inwardIssue: { key: link.inwardIssue.key }, outwardIssue: { key: link.outwardIssue.key } };
      await rest(site, 'DELETE', `/rest/api/3/issueLink/${id}`);
      await until(site, false);
      const created = await rest(site, 'POST', '/rest/api/3/issueLink', body);
      if (created.status !== 201) throw new Error(`POST issueLink answered ${created.status}`);
      samples.push(await until(site, true));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { medianMs: sorted[Math.floor(sorted.length / 2)]!, samplesMs: samples };
  } finally {
    await site.close();
  }
}
