import { projectBaseJql, scopeJql } from '../../domain/portfolio/scope';
import { scopeProblem, type PortfolioScope } from '../../shared/portfolio/scope-rules';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { invalidInput, notFound } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';

/** A project's program as the acting user may see it: the project (read as the user) and the scope's JQL. */
export interface Program {
  project: { key: string; name: string };
  /** Snapshots, the trend and baselines are kept per project under this key. */
  scopeKey: string;
  /** The whole program's JQL, and the scope's; null when the project has no planning issue types. */
  wholeJql: string | null;
  jql: string | null;
}

export const projectScopeKey = (projectKey: string): string => `project:${projectKey}`;

const WHOLE_ORDER = ' ORDER BY key ASC';

/** The program's base JQL (project and planning types) of a whole-program JQL as `programOf` builds it; null for any other text. */
export function baseOfWholeJql(wholeJql: string): string | null {
  return wholeJql.endsWith(WHOLE_ORDER) ? wholeJql.slice(0, -WHOLE_ORDER.length) : null;
}

/**
 * Resolves the project as the user (a project they cannot browse is "not found", whatever the scope) and
 * builds the scope's JQL from its planning issue types (epic level and above, by hierarchy level).
 */
export async function programOf(deps: { reader: Pick<WorkItemReader, 'getProject'> }, projectKey: string, scope: PortfolioScope): Promise<Program> {
  const problem = scopeProblem(scope);
  if (problem) throw invalidInput(problem);
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const typeIds = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  const base = typeIds.length > 0 ? projectBaseJql(project.key, typeIds) : null;
  return {
    project: { key: project.key, name: project.name },
    scopeKey: projectScopeKey(project.key),
    wholeJql: base && `${base}${WHOLE_ORDER}`,
    jql: base && scopeJql(base, scope),
  };
}
