import { performance } from 'node:perf_hooks';
import { KvsSnapshotStore } from '../../src/adapters/kvs/kvs-snapshot-stores';
import { projectScopeKey } from '../../src/application/portfolio/program';
import { rollUp } from '../../src/domain/portfolio/tiles';
import type { Result } from '../../src/shared/contract/common';
import type { PortfolioViewDto } from '../../src/shared/contract/project-page';
import { DEMO_USERS } from '../../local/jira/seed';
import { runInvocation } from '../../local/runtime/forge-runtime';
import { measure } from './measure';
import type { ScaleSite } from './scale-site';

/**
 * The app's own portfolio aggregation, measured end to end through the real resolver (`portfolio.view` of
 * the project page, as the project lead, the way the page's bridge calls it), and the first paint from the
 * daily snapshot (`portfolio.snapshot`). Above SNAPSHOT_ONLY_ABOVE items the program is what the daily
 * snapshot (scheduledTrigger, as the app, 900 s) handles, so that path is measured instead.
 */
export const SNAPSHOT_ONLY_ABOVE = 5_000;
const PAGE = 'planning-readiness-page';
const WHOLE = { release: null, issueTypes: [], statuses: [], jql: null };

export interface AggregationFigures {
  path: 'resolver' | 'scheduled-snapshot';
  jiraCalls: number;
  wallMs: number;
  /** The pure roll-up step (tiles and drift), as the use case timed it. */
  computeMs: number;
  peakRssMb: number;
  /** The resolver's answer, JSON bytes (0 for the scheduled snapshot, which answers nothing). */
  responseBytes: number;
  /** The first paint from the snapshot: its Jira calls, wall time and answer's bytes (resolver path only). */
  snapshotPaint: { jiraCalls: number; wallMs: number; responseBytes: number } | null;
}

async function invoke(scale: ScaleSite, functionKey: string, extra: Record<string, unknown> = {}): Promise<{ data: unknown; bytes: number }> {
  const result = (await scale.site.invoke({ moduleKey: PAGE, context: { projectKey: scale.firstProjectKey }, functionKey, payload: { scope: WHOLE, ...extra } }, DEMO_USERS.lead.accountId)) as Result<unknown>;
  if (!result.ok) throw new Error(`${functionKey} failed: ${result.error.message}`);
  return { data: result.data, bytes: Buffer.byteLength(JSON.stringify(result)) };
}

/** Runs the daily snapshot now (as the scheduler would) and fails loudly if it did not succeed. */
export async function runSnapshot(scale: ScaleSite): Promise<void> {
  const run = await scale.site.events.runScheduled('portfolio-snapshot');
  if (!run.ok) throw new Error(`portfolio-snapshot failed: ${String(run.result)}`);
}

/** The roll-up over the stored snapshot's rows, timed: the compute step of the 20,000-item program. */
async function snapshotComputeMs(scale: ScaleSite): Promise<number> {
  const snapshot = await runInvocation({ moduleKey: 'bench-compute', accountId: null }, () => new KvsSnapshotStore().load(projectScopeKey(scale.firstProjectKey)));
  if (!snapshot || snapshot.rows.length !== scale.n) throw new Error(`The snapshot holds ${snapshot?.rows.length ?? 0} rows; the program has ${scale.n}.`);
  const started = performance.now();
  rollUp(snapshot.rows);
  return performance.now() - started;
}

export async function aggregationFigures(scale: ScaleSite): Promise<AggregationFigures> {
  if (scale.n > SNAPSHOT_ONLY_ABOVE) {
    const run = await measure(() => runSnapshot(scale));
    return { path: 'scheduled-snapshot', jiraCalls: run.jiraCalls, wallMs: run.wallMs, computeMs: await snapshotComputeMs(scale), peakRssMb: run.peakRssMb, responseBytes: 0, snapshotPaint: null };
  }
  // As the page asks it after its first paint, which told it whether the user may edit (withAccess: false).
  const run = await measure(() => invoke(scale, 'portfolio.view', { withAccess: false }));
  const view = run.value.data as PortfolioViewDto;
  if (view.rows.length !== scale.n) throw new Error(`portfolio.view read ${view.rows.length} items; the program has ${scale.n}.`);
  const paint = await measure(() => invoke(scale, 'portfolio.snapshot'));
  if ((paint.value.data as PortfolioViewDto | null)?.rowsTotal !== scale.n) throw new Error('portfolio.snapshot did not paint the whole program: take the snapshot first.');
  return { path: 'resolver', jiraCalls: run.jiraCalls, wallMs: run.wallMs, computeMs: view.computeMs, peakRssMb: run.peakRssMb, responseBytes: run.value.bytes, snapshotPaint: { jiraCalls: paint.jiraCalls, wallMs: paint.wallMs, responseBytes: paint.value.bytes } };
}
