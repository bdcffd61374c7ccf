/**
 * The rules of a portfolio scope that the page and the resolver share, so an input is checked the same way
 * on both sides: its limits, what makes it unusable, and when two scopes are the same. The JQL it becomes is
 * the domain's (src/domain/portfolio/scope.ts).
 */
export interface PortfolioScope {
  release: string | null;
  issueTypes: string[];
  statuses: string[];
  /** Jira Team field ids (what JQL searches the Team field by); the page shows their names. */
  teams: string[];
  /** Any JQL, ANDed with the rest; no ORDER BY (the app orders by key). */
  jql: string | null;
}

export const EMPTY_SCOPE: PortfolioScope = { release: null, issueTypes: [], statuses: [], teams: [], jql: null };
export const MAX_SCOPE_JQL_CHARS = 1_000;
export const MAX_SCOPE_VALUES = 20;
export const MAX_SCOPE_NAME_CHARS = 255;

/** Why the scope cannot be used, in words a user can act on; null when it is fine. The UI runs it too. */
export function scopeProblem(scope: PortfolioScope): string | null {
  const jql = scope.jql?.trim() ?? '';
  if (jql.length > MAX_SCOPE_JQL_CHARS) return `JQL: at most ${MAX_SCOPE_JQL_CHARS.toLocaleString('en')} characters.`;
  if (/\border\s+by\b/i.test(jql)) return 'JQL: leave out ORDER BY; the table sorts itself.';
  if ([scope.issueTypes, scope.statuses, scope.teams].some((values) => values.length > MAX_SCOPE_VALUES)) return `Pick at most ${MAX_SCOPE_VALUES} issue types, statuses and teams.`;
  const names = [scope.release ?? '', ...scope.issueTypes, ...scope.statuses, ...scope.teams];
  if (names.some((n) => n.length > MAX_SCOPE_NAME_CHARS)) return `Names are at most ${MAX_SCOPE_NAME_CHARS} characters.`;
  return null;
}

/** Whether the scope is the whole program (what the daily snapshot and the trend cover). */
export function isWholeScope(scope: PortfolioScope): boolean {
  return scope.release === null && scope.issueTypes.length === 0 && scope.statuses.length === 0 && scope.teams.length === 0 && !scope.jql?.trim();
}

/** Two scopes select the same items (names compared as sets, JQL as trimmed text). */
export function sameScope(a: PortfolioScope, b: PortfolioScope): boolean {
  const set = (xs: string[]): string => [...new Set(xs)].sort().join('\u0000');
  return a.release === b.release && set(a.issueTypes) === set(b.issueTypes) && set(a.statuses) === set(b.statuses) && set(a.teams) === set(b.teams) && (a.jql?.trim() ?? '') === (b.jql?.trim() ?? '');
}
