import type { ReadinessStateDto as ReadinessState } from '../contract/project-page';

/**
 * Filtering, sorting and grouping of the portfolio table: pure, over the few columns they need, so the page
 * runs them on 5,000 rows at every keystroke and the tests run them without a browser.
 */
export interface QueryableRow {
  key: string;
  summary: string;
  team: string | null;
  releases: string[];
  issueType: string;
  status: { name: string };
  readiness: { score: number; state: ReadinessState } | null;
}

export type SortColumn = 'key' | 'summary' | 'team' | 'score' | 'status';
export type GroupBy = 'none' | 'team' | 'release';
/** `NOT_SCORED` selects the rows the readiness engine has not scored yet. */
export type StateFilter = ReadinessState | 'NOT_SCORED' | 'ALL';

export interface TableQuery {
  text: string;
  team: string | null;
  state: StateFilter;
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  groupBy: GroupBy;
}

export const DEFAULT_QUERY: TableQuery = { text: '', team: null, state: 'ALL', sort: { column: 'score', direction: 'asc' }, groupBy: 'none' };

export const NO_TEAM = 'No team';
export const NO_RELEASE = 'No release';

export function filterRows<T extends QueryableRow>(rows: readonly T[], query: Pick<TableQuery, 'text' | 'team' | 'state'>): T[] {
  const text = query.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (query.team !== null && (r.team ?? NO_TEAM) !== query.team) return false;
    if (query.state === 'NOT_SCORED' ? r.readiness !== null : query.state !== 'ALL' && r.readiness?.state !== query.state) return false;
    return text === '' || r.key.toLowerCase().includes(text) || r.summary.toLowerCase().includes(text);
  });
}

/** Jira's key order: by project, then by number (PAY-10 after PAY-9). */
function compareKeys(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa < pb ? -1 : 1;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts a copy; unscored rows sort below every score, and ties fall back to the key, so the order is stable. */
export function sortRows<T extends QueryableRow>(rows: readonly T[], sort: TableQuery['sort']): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const by = (a: T, b: T): number => {
    switch (sort.column) {
      case 'key':
        return 0;
      case 'summary':
        return collator.compare(a.summary, b.summary);
      case 'team':
        return collator.compare(a.team ?? '\uffff', b.team ?? '\uffff');
      case 'status':
        return collator.compare(a.status.name, b.status.name);
      case 'score':
        return (a.readiness?.score ?? -1) - (b.readiness?.score ?? -1);
    }
  };
  return [...rows].sort((a, b) => sign * by(a, b) || sign * compareKeys(a.key, b.key));
}

export interface RowGroup<T> {
  name: string;
  rows: T[];
}

/** Groups sorted rows, keeping their order; a row with several releases is listed under each. */
export function groupRows<T extends QueryableRow>(rows: readonly T[], groupBy: GroupBy): Array<RowGroup<T>> {
  if (groupBy === 'none') return [{ name: '', rows: [...rows] }];
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const names = groupBy === 'team' ? [row.team ?? NO_TEAM] : row.releases.length > 0 ? row.releases : [NO_RELEASE];
    for (const name of names) {
      const list = groups.get(name);
      if (list) list.push(row);
      else groups.set(name, [row]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([name, list]) => ({ name, rows: list }));
}

/** Filter, then sort, then group: what the table shows for a query. */
export function queryRows<T extends QueryableRow>(rows: readonly T[], query: TableQuery): Array<RowGroup<T>> {
  return groupRows(sortRows(filterRows(rows, query), query.sort), query.groupBy);
}
