import { recomputeDependencyFacts, type FactsDeps } from './publish-dependency-facts';

/**
 * Makes an issue's dependencies section of the JQL summary say what its verified record and links say: run
 * when someone writes the dependencies property (or the summary) outside the app. Idempotent.
 */
export async function repairDependencyFacts(deps: FactsDeps, issueId: string): Promise<string> {
  const { published } = await recomputeDependencyFacts(deps, [issueId], { withDependents: false });
  return Object.values(published).includes('saved') ? 'repaired' : 'unchanged';
}
