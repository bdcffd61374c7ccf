import { openImpediments } from '../../domain/impediments/model';
import type { PortfolioScanner } from '../portfolio/ports';
import { forbidden, notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import { detectImpediments, type DetectDeps } from './detect-impediments';

export interface ReconcileDeps extends DetectDeps {
  scanner: PortfolioScanner;
}

/** Issues looked at in one run, so it fits in a resolver's time. */
export const MAX_RECONCILED = 200;

/**
 * Recomputes a project's impediments from Jira as it is now, for what events never delivered (a project the
 * app could not see, an install after the fact, the demo seed): every issue that is flagged, at Highest
 * priority or labelled now, and every source of an open impediment. Blockers are found by the events only
 * (JQL cannot name the "is blocked by" direction portably). Only project administrators run it.
 */
export async function reconcileProject(deps: ReconcileDeps, userAccess: AccessChecker, projectKey: string): Promise<{ issues: number; outcomes: string[]; warnings: string[] }> {
  const canAdminister = await userAccess.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  if (!canAdminister) throw forbidden("Only the project's administrators can re-scan its escalations.");
  const label = (await deps.escalationSettings.get(projectKey)).label.replace(/["\\]/g, '\\$&');
  const escalated = await deps.scanner.scan({
    jql: `project = "${projectKey}" AND statusCategory != Done AND (flagged = Impediment OR priority = Highest OR labels = "${label}") ORDER BY key ASC`,
    fields: ['summary'],
    properties: [],
    maxIssues: MAX_RECONCILED,
  });
  const owners = await deps.scanner.scan({ jql: `project = "${projectKey}" AND openImpediments > 0 ORDER BY key ASC`, fields: ['summary'], properties: [], maxIssues: MAX_RECONCILED });
  const sources = new Set(escalated.issues.map((i) => i.key));
  for (const owner of owners.issues) for (const i of openImpediments(await deps.impediments.load(owner.id))) sources.add(i.source.key);
  const outcomes: string[] = [];
  for (const key of [...sources].slice(0, MAX_RECONCILED)) outcomes.push(...(await detectImpediments(deps, key, null)));
  return { issues: sources.size, outcomes, warnings: [...escalated.warnings, ...owners.warnings] };
}
