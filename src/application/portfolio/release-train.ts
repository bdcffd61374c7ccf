import { rollUp } from '../../domain/portfolio/tiles';
import { scopeJql } from '../../domain/portfolio/scope';
import { isWholeScope, scopeProblem, type PortfolioScope } from '../../shared/portfolio/scope-rules';
import { invalidInput } from '../shared/errors';
import type { PortfolioReader } from './ports';
import type { PortfolioView } from './portfolio-view';
import { exportScope, type ExportFile, type ScopeExportDeps } from './export-portfolio';
import { readingUserJql } from './user-jql';

/**
 * The release train (the global page): the same readiness view across every project the user can browse,
 * for a release or any JQL. Read fresh as the user, so Jira returns only what they may browse. It has no
 * snapshot, trend or baseline of its own: those are kept per project.
 */
export interface ReleaseTrainDeps {
  portfolio: PortfolioReader;
  readinessSettings: ScopeExportDeps['readinessSettings'];
  /** The site's issue types at the epic level and above, by id. */
  planningTypeIds: () => Promise<string[]>;
  clock: () => number;
  now: () => Date;
}

export const TRAIN = { key: '', name: 'Release train (all projects)' };
const NEEDS_SCOPE = 'Pick a release or enter JQL: the release train spans every project you can browse.';

async function trainJql(deps: ReleaseTrainDeps, scope: PortfolioScope): Promise<string | null> {
  const problem = scopeProblem(scope) ?? (isWholeScope(scope) ? NEEDS_SCOPE : null);
  if (problem) throw invalidInput(problem);
  const typeIds = await deps.planningTypeIds();
  return typeIds.length > 0 ? scopeJql(`issuetype in (${typeIds.join(', ')})`, scope) : null;
}

export async function releaseTrainView(deps: ReleaseTrainDeps, scope: PortfolioScope): Promise<PortfolioView> {
  const jql = await trainJql(deps, scope);
  const read = jql ? await readingUserJql(jql, scope, () => deps.portfolio.rows(jql)) : { rows: [], unreadCount: 0, warnings: [] };
  const started = deps.clock();
  const tiles = rollUp(read.rows);
  const computeMs = deps.clock() - started;
  return {
    project: TRAIN,
    source: { kind: 'live', at: deps.now().toISOString() },
    rows: read.rows,
    tiles,
    warnings: read.warnings,
    unreadCount: read.unreadCount,
    computeMs,
    trend: { points: null, reason: 'The trend is kept per project: open a project page to see it.' },
    baseline: null,
    // The train has no plan to commit.
    canEdit: false,
  };
}

export async function exportReleaseTrain(deps: ReleaseTrainDeps, scope: PortfolioScope, format: 'csv' | 'markdown'): Promise<ExportFile> {
  const jql = await trainJql(deps, scope);
  const exported = (): Promise<ExportFile> => exportScope(deps, jql, TRAIN.name, 'planning-readiness-release-train', format);
  return jql ? readingUserJql(jql, scope, exported) : exported();
}
