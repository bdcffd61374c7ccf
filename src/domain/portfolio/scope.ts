import type { PortfolioScope } from '../../shared/portfolio/scope-rules';

/**
 * The scope of a portfolio view as one bounded JQL query: the epics and features of a project (or of every
 * project the user can browse, on the global page), narrowed by release, issue type, status, team or any JQL. The
 * user's own search runs it, so Jira's permissions and its JQL validation apply. The scope's rules (limits,
 * problems) are shared with the page: src/shared/portfolio/scope-rules.ts.
 *
 * jqlString: a JQL string literal, quotes and backslashes escaped.
 */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Jira Cloud's Team field in JQL: the field's name and type, searched by team id (not by name, which
 * teams can share). The app reads the field named Team (src/adapters/jira/jira-portfolio-rows.ts).
 */
export const TEAM_CLAUSE = '"Team[Team]"';

/**
 * The scope's JQL: `base` selects the program (its project and planning issue types, by id), then the
 * scope's clauses; ordered by key, so every read of it pages the same way.
 *
 * @example
 * scopeJql('project = "PAY" AND issuetype in (10000, 10001)', { ...EMPTY_SCOPE, release: '2027.1' })
 * // => 'project = "PAY" AND issuetype in (10000, 10001) AND fixVersion = "2027.1" ORDER BY key ASC'
 */
export function scopeJql(base: string, scope: PortfolioScope): string {
  const clauses = [base];
  if (scope.release !== null) clauses.push(`fixVersion = ${jqlString(scope.release)}`);
  if (scope.issueTypes.length > 0) clauses.push(`issuetype in (${scope.issueTypes.map(jqlString).join(', ')})`);
  if (scope.statuses.length > 0) clauses.push(`status in (${scope.statuses.map(jqlString).join(', ')})`);
  if (scope.teams.length > 0) clauses.push(`${TEAM_CLAUSE} in (${scope.teams.map(jqlString).join(', ')})`);
  const jql = scope.jql?.trim();
  if (jql) clauses.push(`(${jql})`);
  return `${clauses.join(' AND ')} ORDER BY key ASC`;
}

/** The program of one project: its planning issue types (epic level and above), by id. */
export function projectBaseJql(projectKey: string, planningTypeIds: readonly string[]): string {
  return `project = ${jqlString(projectKey)} AND issuetype in (${planningTypeIds.join(', ')})`;
}

