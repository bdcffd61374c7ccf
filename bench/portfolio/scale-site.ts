import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { KvsAuthorityLedgerStore } from '../../src/adapters/kvs/kvs-authority-ledger-store';
import { bulkLoad } from '../../local/jira/bulk-load';
import { DEMO_USERS } from '../../local/jira/seed';
import { startLocalSite, type LocalSite } from '../../local/host/site';
import { runInvocation } from '../../local/runtime/forge-runtime';
import { generateProgram, type GeneratedProgram } from './generator';
import { mapWithConcurrency } from '../../src/shared/pool';

/**
 * A local site (in memory) holding the demo plus a generated program of N epics and features, loaded
 * through the bulk path; the authority ledgers go through the app's own KVS adapter, so their keys are
 * the app's. The scope JQL selects exactly the program's epics and features.
 */
export const ROOT = resolve(__dirname, '..', '..');
export const SEED = 13;

export interface ScaleSite {
  site: LocalSite;
  n: number;
  program: GeneratedProgram;
  /** Selects the program's epics and features, in key order. */
  scopeJql: string;
  /** The project the project page is opened on. */
  firstProjectKey: string;
  generateMs: number;
  loadMs: number;
  /** Milliseconds so far during which the Jira emulator was handling at least one call. */
  emulatorBusyMs: () => number;
}

/**
 * Times the emulator: the union of the intervals in which it handles a call. The emulator runs in this
 * process, one call at a time on one thread, and finds issues by scanning the site; Jira Cloud does that
 * work on its own servers, in parallel, inside the latency the fault injector adds. Subtracting this time
 * from a wall time leaves the app's side (the waiting on latency and its own parsing); a lower bound of it
 * when the emulator works while other calls wait out their latency.
 */
function timeEmulator(site: LocalSite): () => number {
  const handle = site.jira.handle.bind(site.jira);
  let inFlight = 0;
  let since = 0;
  let busy = 0;
  site.jira.handle = async (...args) => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await handle(...args);
    } finally {
      if (--inFlight === 0) busy += performance.now() - since;
    }
  };
  return () => busy + (inFlight > 0 ? performance.now() - since : 0);
}

const person = (u: { accountId: string; name: string }): { accountId: string; displayName: string } => ({ accountId: u.accountId, displayName: u.name });

/** `projects`: how many projects the program spans (4 unless told). */
export async function startScaleSite(n: number, options: { projects?: number } = {}): Promise<ScaleSite> {
  const site = await startLocalSite({ root: ROOT, port: 0, dataDir: null, latencyMs: {} });
  const t0 = performance.now();
  const program = generateProgram({ n, seed: SEED, ...(options.projects ? { projects: options.projects } : {}), lead: person(DEMO_USERS.lead), architect: person(DEMO_USERS.architect), members: { [DEMO_USERS.viewer.accountId]: 'Viewers' } });
  const t1 = performance.now();
  const loaded = bulkLoad(site.store, program.load);
  const ledgers = new KvsAuthorityLedgerStore();
  await runInvocation({ moduleKey: 'bench-loader', accountId: null, timeoutMs: 600_000 }, () =>
    mapWithConcurrency(program.ledgers, 50, ({ issue, ledger }) => ledgers.set(loaded.issueIds[issue]!, ledger)),
  );
  const keys = program.load.projects.map((p) => p.key);
  return {
    site,
    n,
    program,
    scopeJql: `project in (${keys.join(', ')}) AND issuetype in (Epic, Feature) ORDER BY key`,
    firstProjectKey: keys[0]!,
    generateMs: t1 - t0,
    loadMs: performance.now() - t1,
    emulatorBusyMs: timeEmulator(site),
  };
}
