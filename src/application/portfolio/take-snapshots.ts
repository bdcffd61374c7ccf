import { rollUp } from '../../domain/portfolio/tiles';
import { EMPTY_SCOPE } from '../../shared/portfolio/scope-rules';
import type { Deadline } from '../shared/deadline';
import { AppFailure } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { PortfolioReader, SnapshotStore, TrendStore } from './ports';
import { programOf } from './program';

export interface SnapshotDeps {
  reader: Pick<WorkItemReader, 'getProject'>;
  portfolio: PortfolioReader;
  snapshots: SnapshotStore;
  trend: TrendStore;
  /** Every project the app can see, by key. */
  projects: () => Promise<string[]>;
  deadline: Deadline;
  now: () => Date;
}

export interface SnapshotRun {
  projects: Array<{ key: string; items: number; unread: number }>;
  /** Projects left for the next run because the time ran out. */
  skipped: string[];
  /** Projects whose snapshot failed (Jira or KVS kept failing); their previous snapshot stays. */
  failed: Array<{ key: string; reason: string }>;
}

/** Time a project's snapshot may need at most: a 20,000-item read at 300 ms per call takes well under this. */
const PROJECT_BUDGET_MS = 120_000;

/**
 * The daily snapshot (a scheduledTrigger, as the app): every project's whole program, read the floor way,
 * stored for the pages' first paint, and the day's counts added to the trend. The rows are unfiltered:
 * every read of a snapshot filters them by the reading user's own search first (snapshotReadinessView).
 */
export async function takeSnapshots(deps: SnapshotDeps): Promise<SnapshotRun> {
  const run: SnapshotRun = { projects: [], skipped: [], failed: [] };
  for (const key of await deps.projects()) {
    if (!deps.deadline.allows(PROJECT_BUDGET_MS)) {
      run.skipped.push(key);
      continue;
    }
    try {
      const taken = await snapshotProject(deps, key);
      if (taken) run.projects.push(taken);
    } catch (e) {
      // One project's failure must not cost the others their snapshot.
      if (!(e instanceof AppFailure)) throw e;
      run.failed.push({ key, reason: e.message });
    }
  }
  return run;
}

async function snapshotProject(deps: SnapshotDeps, key: string): Promise<SnapshotRun['projects'][number] | null> {
  const program = await programOf(deps, key, EMPTY_SCOPE);
  if (!program.wholeJql) return null;
  const read = await deps.portfolio.rows(program.wholeJql);
  const takenAt = deps.now().toISOString();
  await deps.snapshots.save({ scopeKey: program.scopeKey, scopeJql: program.wholeJql, takenAt, rows: read.rows, warnings: read.warnings });
  const t = rollUp(read.rows);
  await deps.trend.record(program.scopeKey, { date: takenAt.slice(0, 10), total: t.total, ready: t.ready, atRisk: t.atRisk, notReady: t.notReady, notScored: t.notScored });
  return { key, items: read.rows.length, unread: read.unreadCount };
}
