import type { ItemSummary, ReadinessState } from '../item-summary/item-summary';

/**
 * One epic or feature of a program as the portfolio reasons about it: the Jira fields a row shows and the
 * app-written item summary (null when the app has written nothing for the item yet).
 */
export interface PortfolioRow {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  issueType: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  /** The Jira Team field's name and id. */
  team: string | null;
  teamId: string | null;
  releases: string[];
  parentKey: string | null;
  facts: ItemSummary | null;
}

/** A row's readiness state, or null while the readiness engine has not scored it ("not scored yet"). */
export function readinessOf(row: Pick<PortfolioRow, 'facts'>): { score: number; state: ReadinessState } | null {
  const r = row.facts?.readiness;
  return r ? { score: r.score, state: r.state } : null;
}
