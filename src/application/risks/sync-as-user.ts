import type { DependencySignal } from '../../domain/risks/dependency-risks';
import { forbidden, invalidInput } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import { syncDependencyRisks, type SyncDependencyRisksDeps } from './sync-dependency-risks';

/**
 * The dependency sync on behalf of a person who may edit the issue: raising a dependency risk is no more
 * than they may do by hand. Used by the demo seed until the dependency feature's trigger calls
 * `syncDependencyRisks` as the app.
 */
export async function syncDependenciesAsUser(deps: SyncDependencyRisksDeps & { access: AccessChecker }, issueKey: string, signals: DependencySignal[]): Promise<{ raised: string[]; proposed: string[] }> {
  const canEdit = await deps.access.canEditIssue(issueKey);
  if (canEdit !== true) throw forbidden('You need permission to edit this issue to change its risks.');
  const result = await syncDependencyRisks(deps, issueKey, signals);
  if (result.outcome === 'unreadable') throw invalidInput(`This issue's risk register cannot be changed: ${result.reason}.`);
  return result.outcome === 'saved' ? { raised: result.raised, proposed: result.proposed } : { raised: [], proposed: [] };
}
