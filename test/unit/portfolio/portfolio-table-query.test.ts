import { filterRows, groupRows, queryRows, sortRows, DEFAULT_QUERY, NO_TEAM, type QueryableRow } from '../../../src/shared/portfolio/table-query';
import { jqlString, projectBaseJql, scopeJql } from '../../../src/domain/portfolio/scope';
import { isWholeScope, sameScope, scopeProblem, EMPTY_SCOPE } from '../../../src/shared/portfolio/scope-rules';

const r = (key: string, score: number | null, team: string | null, releases: string[] = []): QueryableRow => ({
  key,
  summary: `Summary of ${key}`,
  team,
  releases,
  issueType: 'Feature',
  status: { name: 'To Do' },
  readiness: score === null ? null : { score, state: score >= 80 ? 'READY' : score >= 60 ? 'AT_RISK' : 'NOT_READY' },
});
const rows = [r('P-10', 85, 'Atlas', ['2027.1']), r('P-9', 40, 'Nova', ['2027.1', '2027.2']), r('P-2', null, null), r('P-1', 65, 'Atlas')];

describe('the table query', () => {
  it('filters by text, team and state (not scored yet is a state of its own)', () => {
    expect(filterRows(rows, { text: 'p-1', team: null, state: 'ALL' }).map((x) => x.key)).toEqual(['P-10', 'P-1']);
    expect(filterRows(rows, { text: '', team: NO_TEAM, state: 'ALL' }).map((x) => x.key)).toEqual(['P-2']);
    expect(filterRows(rows, { text: '', team: null, state: 'NOT_SCORED' }).map((x) => x.key)).toEqual(['P-2']);
    expect(filterRows(rows, { text: '', team: 'Atlas', state: 'AT_RISK' }).map((x) => x.key)).toEqual(['P-1']);
  });

  it('sorts by score with the unscored last in descending order, ties by key in Jira order', () => {
    expect(sortRows(rows, { column: 'score', direction: 'desc' }).map((x) => x.key)).toEqual(['P-10', 'P-1', 'P-9', 'P-2']);
    expect(sortRows(rows, { column: 'key', direction: 'asc' }).map((x) => x.key)).toEqual(['P-1', 'P-2', 'P-9', 'P-10']);
    expect(sortRows(rows, { column: 'team', direction: 'asc' }).map((x) => x.key)).toEqual(['P-1', 'P-10', 'P-9', 'P-2']);
  });

  it('groups by team or release, listing an item under each of its releases', () => {
    expect(groupRows(rows, 'team').map((g) => [g.name, g.rows.length])).toEqual([['Atlas', 2], ['No team', 1], ['Nova', 1]]);
    expect(groupRows(rows, 'release').map((g) => [g.name, g.rows.map((x) => x.key)])).toEqual([['2027.1', ['P-10', 'P-9']], ['2027.2', ['P-9']], ['No release', ['P-2', 'P-1']]]);
    expect(queryRows(rows, DEFAULT_QUERY)).toEqual([{ name: '', rows: sortRows(rows, DEFAULT_QUERY.sort) }]);
  });
});

describe('the scope', () => {
  it("builds one bounded JQL query with the scope's clauses, strings escaped", () => {
    const base = projectBaseJql('PAY', ['10000', '10001']);
    expect(scopeJql(base, EMPTY_SCOPE)).toBe('project = "PAY" AND issuetype in (10000, 10001) ORDER BY key ASC');
    expect(scopeJql(base, { release: '2027.1', issueTypes: ['Feature'], statuses: ['To Do', 'In "Review"'], teams: ['6a1f-1', '6a1f-2'], jql: ' labels = x OR labels = y ' })).toBe(
      'project = "PAY" AND issuetype in (10000, 10001) AND fixVersion = "2027.1" AND issuetype in ("Feature") AND status in ("To Do", "In \\"Review\\"") AND "Team[Team]" in ("6a1f-1", "6a1f-2") AND (labels = x OR labels = y) ORDER BY key ASC',
    );
    expect(jqlString('a\\b')).toBe('"a\\\\b"');
  });

  it('names what is wrong with a scope', () => {
    expect(scopeProblem(EMPTY_SCOPE)).toBeNull();
    expect(scopeProblem({ ...EMPTY_SCOPE, jql: 'key = X order  by rank' })).toContain('ORDER BY');
    expect(scopeProblem({ ...EMPTY_SCOPE, jql: 'x'.repeat(1001) })).toContain('1,000 characters');
    expect(scopeProblem({ ...EMPTY_SCOPE, statuses: Array.from({ length: 21 }, (_, i) => `S${i}`) })).toContain('at most 20');
    expect(scopeProblem({ ...EMPTY_SCOPE, teams: Array.from({ length: 21 }, (_, i) => `T${i}`) })).toContain('at most 20');
  });

  it('tells the whole program from a narrowed one, and equal scopes apart from different ones', () => {
    expect(isWholeScope({ ...EMPTY_SCOPE, jql: '  ' })).toBe(true);
    expect(isWholeScope({ ...EMPTY_SCOPE, release: '2027.1' })).toBe(false);
    expect(isWholeScope({ ...EMPTY_SCOPE, teams: ['t1'] })).toBe(false);
    expect(sameScope({ ...EMPTY_SCOPE, teams: ['t2', 't1'] }, { ...EMPTY_SCOPE, teams: ['t1', 't2'] })).toBe(true);
    expect(sameScope(EMPTY_SCOPE, { ...EMPTY_SCOPE, teams: ['t1'] })).toBe(false);
    expect(sameScope({ ...EMPTY_SCOPE, statuses: ['B', 'A'] }, { ...EMPTY_SCOPE, statuses: ['A', 'B'] })).toBe(true);
    expect(sameScope(EMPTY_SCOPE, { ...EMPTY_SCOPE, jql: 'key = X' })).toBe(false);
  });
});
