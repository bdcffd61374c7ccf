import { rollUp } from '../../domain/portfolio/tiles';
import { scopeJql } from '../../domain/portfolio/scope';
import { isWholeScope, scopeProblem, type PortfolioScope } from '../../shared/portfolio/scope-rules';
import { invalidInput } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { BaselineStore, PortfolioReader, ProjectEditCheck, SnapshotStore, TrendStore } from './ports';
import { rollUpView, type PortfolioView, type ViewDeps } from './portfolio-view';
import { readingUserJql } from './user-jql';
import { baseOfWholeJql, programOf, projectScopeKey } from './program';

export interface ReadinessViewDeps extends ViewDeps {
  reader: Pick<WorkItemReader, 'getProject'>;
  portfolio: PortfolioReader;
  snapshots: SnapshotStore;
  trend: TrendStore;
  baselines: BaselineStore;
  /** Tells the page whether to offer "Commit the plan" (the commit checks it again). */
  access: ProjectEditCheck;
  now: () => Date;
}

const TREND_HIDDEN = 'The trend counts every epic and feature of the project, some of which you cannot browse.';
const TREND_SCOPED = 'The trend covers the whole project: clear the scope to see it.';

/**
 * The readiness view, fresh: the user's own read of the scope (the floor scan), then the pure roll-up.
 * Jira answers only what the user may browse, so nothing needs filtering here.
 */
export async function freshReadinessView(deps: ReadinessViewDeps, projectKey: string, scope: PortfolioScope, access: { check: boolean } = { check: true }): Promise<PortfolioView> {
  const program = await programOf(deps, projectKey, scope);
  const at = deps.now().toISOString();
  // The page already knows from its first paint whether the user may edit: asked again only when it does not
  // (a project without a snapshot yet), so the fresh read stays at the floor plus the project (issue 11).
  const editable = (): Promise<boolean | null> => (access.check ? mayEdit(deps, program.project.key) : Promise.resolve(null));
  if (!program.jql) return emptyView(program.project, 'live', at, await editable());
  const jql = program.jql;
  const [read, baseline, canEdit] = await Promise.all([readingUserJql(jql, scope, () => deps.portfolio.rows(jql)), deps.baselines.load(program.scopeKey), editable()]);
  const rolled = await rollUpView(deps, read.rows, scope, baseline);
  // The trend comes with the snapshot, where the app can tell whether the user sees all of it.
  return { project: program.project, source: { kind: 'live', at }, rows: read.rows, ...rolled, warnings: read.warnings, unreadCount: read.unreadCount, trend: { points: null, reason: TREND_SCOPED }, canEdit };
}

/**
 * The readiness view from the last daily snapshot, for the first paint. The snapshot was written as the app,
 * so before the user sees any of it, the user's own ids-only search of the scope decides which rows they
 * get: an issue they cannot browse (or that is outside the scope) is dropped. Null when there is none yet.
 *
 * The project (read as the user, so a hidden one is "not found") and that search run at once: the search
 * builds the scope's JQL on the snapshot's own program JQL, so the first paint waits for one Jira round
 * trip, not two. The snapshot counts only if the project's program JQL is still the one it was taken with.
 */
export async function snapshotReadinessView(deps: ReadinessViewDeps, projectKey: string, scope: PortfolioScope): Promise<PortfolioView | null> {
  const problem = scopeProblem(scope);
  if (problem) throw invalidInput(problem);
  const scopeKey = projectScopeKey(projectKey);
  const stored = deps.snapshots.load(scopeKey);
  const [program, snapshot, visible, baseline, points, canEdit] = await Promise.all([
    programOf(deps, projectKey, scope),
    stored,
    stored.then((s) => {
      const base = s && baseOfWholeJql(s.scopeJql);
      if (!base) return null;
      const jql = scopeJql(base, scope);
      return readingUserJql(jql, scope, () => deps.portfolio.visibleIds(jql));
    }),
    deps.baselines.load(scopeKey),
    deps.trend.load(scopeKey),
    mayEdit(deps, projectKey),
  ]);
  if (!program.jql || !snapshot || !visible || program.scopeKey !== scopeKey || program.wholeJql !== snapshot.scopeJql) return null;
  const rows = snapshot.rows.filter((r) => visible.has(r.id));
  const rolled = await rollUpView(deps, rows, scope, baseline);
  const seesAll = rows.length === snapshot.rows.length;
  const trend = !isWholeScope(scope) ? { points: null, reason: TREND_SCOPED } : seesAll ? { points } : { points: null, reason: TREND_HIDDEN };
  // The snapshot's own warnings name counts of the whole program; the user only hears that it was partial.
  const warnings = snapshot.warnings.length > 0 ? ['The last snapshot could not read every issue; the fresh view below may fill the gaps.'] : [];
  return { project: program.project, source: { kind: 'snapshot', at: snapshot.takenAt }, rows, ...rolled, warnings, unreadCount: 0, trend, canEdit };
}

/** The project's EDIT_ISSUES, as commitBaseline checks it; a project the user cannot see is not editable. */
async function mayEdit(deps: ReadinessViewDeps, projectKey: string): Promise<boolean> {
  return (await deps.access.canEditInProject(projectKey)) === true;
}

function emptyView(project: PortfolioView['project'], kind: 'live' | 'snapshot', at: string, canEdit: boolean | null): PortfolioView {
  return {
    project,
    source: { kind, at },
    rows: [],
    tiles: rollUp([]),
    warnings: ['This project has no issue types at the epic level or above, so it has no epics or features to show.'],
    unreadCount: 0,
    computeMs: 0,
    trend: { points: null, reason: TREND_SCOPED },
    baseline: null,
    canEdit,
  };
}
