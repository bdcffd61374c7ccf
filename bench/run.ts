import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { startLocalSite } from '../local/host/site';
import { observeProductCalls } from '../local/runtime/forge-runtime';
import { DEMO_USERS } from '../local/jira/seed';

/**
 * `npm run bench:resolvers`: `npm start` time (build included), Jira calls per resolver, resolver latency through the HTTP bridge (the path a
 * browser takes), JQL search on the emulator, and memory. Results go to stdout; docs/PERFORMANCE.md records them.
 */
const ROOT = resolve(__dirname, '..');
const auth = `Basic ${Buffer.from(`${DEMO_USERS.lead.email}:bench`).toString('base64')}`;

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
}

/** Wall time of `npm start` (Custom UI build + server start) until the server answers, as a new user sees it. */
async function timeNpmStart(): Promise<number> {
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const started = performance.now();
  // Its own process group, so the whole tree (npm, sh, tsx, node) stops afterwards.
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/rest/api/3/myself`, { headers: { authorization: auth } });
        if (r.ok) return performance.now() - started;
      } catch {
        // not up yet
      }
      if (performance.now() - started > 60_000) throw new Error('npm start did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function main(): Promise<void> {
  const npmStartMs = await timeNpmStart();
  const site = await startLocalSite({ root: ROOT, port: 0, dataDir: null });
  let jiraCalls = 0;
  let kvsCalls = 0;
  const stopObserving = observeProductCalls((call) => {
    if (call.service === 'jira') jiraCalls += 1;
    else kvsCalls += 1;
  });
  const callsPer = async (body: unknown): Promise<{ jira: number; kvs: number }> => {
    const [jira, kvs] = [jiraCalls, kvsCalls];
    await bridge(body);
    return { jira: jiraCalls - jira, kvs: kvsCalls - kvs };
  };
  const bridge = async (body: unknown): Promise<number> => {
    const t = performance.now();
    const r = await fetch(`${site.url}/__bridge/invoke`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await r.json();
    if (!r.ok) throw new Error(`bridge answered ${r.status}`);
    return performance.now() - t;
  };
  // Planning records live on epics and features only.
  const planningLevelTypes = new Set(site.store.data.issueTypes.filter((t) => t.hierarchyLevel >= 1).map((t) => t.id));
  const planningKeys = (project: string): string[] => site.store.data.issues.filter((i) => planningLevelTypes.has(i.issueTypeId) && i.key.startsWith(`${project}-`)).map((i) => i.key);
  const payItems = planningKeys('PAY');
  // DATA-76 is kept for counting the calls of a first save.
  const dataItems = planningKeys('DATA').filter((k) => k !== 'DATA-76');
  const runs = 200;
  const overview: number[] = [];
  const page: number[] = [];
  const search: number[] = [];
  const saves: number[] = [];
  const revs = new Map<string, number>();
  /** The record's current revision, read once per issue: the demo seeds records on many of them. */
  const revOf = async (issueKey: string): Promise<number> => {
    if (!revs.has(issueKey)) {
      const r = await fetch(`${site.url}/__bridge/invoke`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ moduleKey: 'planning-panel', context: { issueKey }, functionKey: 'planning.getView' }) });
      const body = (await r.json()) as { result: { ok: boolean; data?: { record: { rev: number } } } };
      revs.set(issueKey, body.result.data?.record.rev ?? 0);
    }
    return revs.get(issueKey)!;
  };
  const save = async (issueKey: string, i: number): Promise<number> => {
    const baseRev = await revOf(issueKey);
    const t = performance.now();
    const r = await fetch(`${site.url}/__bridge/invoke`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'planning-panel', context: { issueKey }, functionKey: 'planning.update', payload: { baseRev, operation: { type: 'spec.editSection', section: 'openQuestions', text: `bench ${i}` } } }),
    });
    const body = (await r.json()) as { result: { ok: boolean; data?: { view: { record: { rev: number } } }; error?: { message: string } } };
    if (!body.result.ok) throw new Error(`planning.update failed: ${body.result.error?.message ?? ''}`);
    revs.set(issueKey, body.result.data!.view.record.rev);
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await bridge({ moduleKey: 'readiness-context', context: { issueKey: 'PAY-1' }, functionKey: 'planning.getView' });
  for (let i = 0; i < runs; i++) {
    overview.push(await bridge({ moduleKey: 'readiness-context', context: { issueKey: payItems[i % payItems.length]! }, functionKey: 'planning.getView' }));
    page.push(await bridge({ moduleKey: 'planning-readiness-page', context: { projectKey: i % 2 ? 'PAY' : 'DATA' }, functionKey: 'portfolio.view', payload: { scope: { release: null, issueTypes: [], statuses: [], jql: null } } }));
    saves.push(await save(dataItems[i % dataItems.length]!, i));
    const t = performance.now();
    const r = await fetch(`${site.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project in (PAY, DATA) AND issuetype = Story AND "Story point estimate" IS EMPTY ORDER BY key', fields: ['summary', 'status', 'parent'], maxResults: 100 }),
    });
    await r.json();
    search.push(performance.now() - t);
  }
  const callsPerResolver = {
    'planning.getView': await callsPer({ moduleKey: 'readiness-context', context: { issueKey: 'PAY-1' }, functionKey: 'planning.getView' }),
    'planning.update (first save of a record)': await callsPer({ moduleKey: 'planning-panel', context: { issueKey: 'DATA-76' }, functionKey: 'planning.update', payload: { baseRev: 0, operation: { type: 'spec.editSection', section: 'context', text: 'bench' } } }),
    'planning.update (a later edit)': await callsPer({ moduleKey: 'planning-panel', context: { issueKey: 'DATA-76' }, functionKey: 'planning.update', payload: { baseRev: 1, operation: { type: 'spec.editSection', section: 'approach', text: 'bench' } } }),
    'portfolio.view': await callsPer({ moduleKey: 'planning-readiness-page', context: { projectKey: 'PAY' }, functionKey: 'portfolio.view', payload: { scope: { release: null, issueTypes: [], statuses: [], jql: null } } }),
  };
  // A save as Jira Cloud would see it: 150 ms per Jira call (JIRA_LATENCY_MS=150), 20 runs.
  site.faults.setLatency({ jira: 150 });
  const slowSaves: number[] = [];
  for (let i = 0; i < 20; i++) slowSaves.push(await save(dataItems[i % dataItems.length]!, runs + i));
  site.faults.setLatency({});
  stopObserving();
  const mem = process.memoryUsage();
  await site.close();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    npmStartToFirstResponseMs: Math.round(npmStartMs),
    callsPerResolver,
    runsPerMeasurement: runs,
    bridgePlanningViewMs: percentiles(overview),
    bridgePortfolioViewMs: percentiles(page),
    bridgePlanningUpdateMs: percentiles(saves),
    bridgePlanningUpdateAtJiraLatency150Ms: percentiles(slowSaves),
    jqlSearchMs: percentiles(search),
    rssMiB: Math.round(mem.rss / 1024 / 1024),
    heapUsedMiB: Math.round(mem.heapUsed / 1024 / 1024),
  };
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
