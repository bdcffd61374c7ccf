/**
 * The scope of a portfolio view: the epics and features of a project (or of every project the user can
 * browse, on the global page), narrowed by release, issue type, status or any JQL. Turned into one bounded
 * JQL query the user's own search runs, so Jira's permissions and its JQL validation apply.
 */
export interface PortfolioScope {
  release: string | null;
  issueTypes: string[];
  statuses: string[];
  /** Any JQL, ANDed with the rest; no ORDER BY (the app orders by key). */
  jql: string | null;
}

export const EMPTY_SCOPE: PortfolioScope = { release: null, issueTypes: [], statuses: [], jql: null };
export const MAX_SCOPE_JQL_CHARS = 1_000;
export const MAX_SCOPE_VALUES = 20;
export const MAX_SCOPE_NAME_CHARS = 255;

/** JQL string literal: quotes and backslashes escaped. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Why the scope cannot be used, in words a user can act on; null when it is fine. The UI runs it too. */
export function scopeProblem(scope: PortfolioScope): string | null {
  const jql = scope.jql?.trim() ?? '';
  if (jql.length > MAX_SCOPE_JQL_CHARS) return `JQL: at most ${MAX_SCOPE_JQL_CHARS.toLocaleString('en')} characters.`;
  if (/\border\s+by\b/i.test(jql)) return 'JQL: leave out ORDER BY; the table sorts itself.';
  if (scope.issueTypes.length > MAX_SCOPE_VALUES || scope.statuses.length > MAX_SCOPE_VALUES) return `Pick at most ${MAX_SCOPE_VALUES} issue types and statuses.`;
  const names = [scope.release ?? '', ...scope.issueTypes, ...scope.statuses];
  if (names.some((n) => n.length > MAX_SCOPE_NAME_CHARS)) return `Names are at most ${MAX_SCOPE_NAME_CHARS} characters.`;
  return null;
}

/** Whether the scope is the whole program (what the daily snapshot and the trend cover). */
export function isWholeScope(scope: PortfolioScope): boolean {
  return scope.release === null && scope.issueTypes.length === 0 && scope.statuses.length === 0 && !scope.jql?.trim();
}

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
  const jql = scope.jql?.trim();
  if (jql) clauses.push(`(${jql})`);
  return `${clauses.join(' AND ')} ORDER BY key ASC`;
}

/** The program of one project: its planning issue types (epic level and above), by id. */
export function projectBaseJql(projectKey: string, planningTypeIds: readonly string[]): string {
  return `project = ${jqlString(projectKey)} AND issuetype in (${planningTypeIds.join(', ')})`;
}

/** Two scopes select the same items (names compared as sets, JQL as trimmed text). */
export function sameScope(a: PortfolioScope, b: PortfolioScope): boolean {
  const set = (xs: string[]): string => [...new Set(xs)].sort().join('\u0000');
  return a.release === b.release && set(a.issueTypes) === set(b.issueTypes) && set(a.statuses) === set(b.statuses) && (a.jql?.trim() ?? '') === (b.jql?.trim() ?? '');
}
