import { baselineItemOf } from '../../domain/portfolio/drift';
import type { PortfolioScope } from '../../shared/portfolio/scope-rules';
import { writeConfirmed } from '../shared/confirm-write';
import { forbidden, notFound } from '../shared/errors';
import type { UserDirectory } from '../shared/ports';
import type { Baseline } from './ports';
import { programOf } from './program';
import type { ReadinessViewDeps } from './readiness-view';
import { freshReadinessView } from './readiness-view';
import type { PortfolioView } from './portfolio-view';

export interface CommitDeps extends ReadinessViewDeps {
  users: Pick<UserDirectory, 'me'>;
}

/**
 * "Commit the plan": stores the scope's items as the user sees them now as the project's baseline, with who
 * committed it (the acting user, from Jira) and when. It lives in KVS, which only the app writes, so the
 * committer shown later is the one the app recorded. Only people who may edit issues in the project may.
 */
export async function commitBaseline(deps: CommitDeps, projectKey: string, scope: PortfolioScope): Promise<PortfolioView> {
  const program = await programOf(deps, projectKey, scope);
  const canEdit = await deps.access.canEditInProject(program.project.key);
  if (canEdit === null) throw notFound(`Project ${projectKey}`);
  if (!canEdit) throw forbidden('Only people who can edit issues in this project can commit the plan.');
  const [view, me] = await Promise.all([freshReadinessView(deps, program.project.key, scope), deps.users.me()]);
  const baseline: Baseline = {
    scopeKey: program.scopeKey,
    scope,
    committedBy: { accountId: me.accountId, displayName: me.displayName },
    committedAt: deps.now().toISOString(),
    items: view.rows.map(baselineItemOf),
  };
  // The head that commits the baseline may land with its answer lost: then the plan is committed.
  await writeConfirmed(
    () => deps.baselines.save(baseline),
    async () => (await deps.baselines.load(baseline.scopeKey))?.committedAt === baseline.committedAt,
  );
  return { ...view, baseline: { committedBy: baseline.committedBy, committedAt: baseline.committedAt, drift: { added: [], removed: [], estimateChanged: [], readinessDropped: [] } } };
}
