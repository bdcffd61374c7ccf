import type { PortfolioScope } from '../../shared/portfolio/scope-rules';
import type { BaselineItem } from '../../domain/portfolio/drift';
import type { PortfolioRow } from '../../domain/portfolio/row';
import type { PlanningRecord } from '../../domain/planning-record/model';

/** One issue as the portfolio scan read it: the requested fields and app properties, nothing else. */
export interface ScannedIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  /** The requested issue properties that exist on the issue, by key (raw stored values: parse them). */
  properties: Record<string, unknown>;
}

export interface ScanRequest {
  jql: string;
  /** Jira field ids, e.g. `summary`, `status`, `issuetype`, `parent`, `issuelinks`, `fixVersions`. */
  fields: string[];
  /** At most 5 issue property keys: what bulkfetch returns per issue. */
  properties: string[];
  /** A cap on the number of issues read (the rest is reported as left out). */
  maxIssues?: number;
}

export interface ScanResult {
  issues: ScannedIssue[];
  /** Issues the search found but that could not be read (429 or 5xx after retries): say so on screen. */
  unreadCount: number;
  /** Plain-language warnings naming what is missing; empty when everything was read. */
  warnings: string[];
}

/**
 * Reads a program's issues at scale, the floor way: ids-only `search/jql` pages (5,000 ids each), then
 * parallel `issue/bulkfetch` calls of 100 issues under a concurrency limit. As the user, Jira returns only
 * what the user may browse; as the app, the caller must filter before any user sees the result.
 */
export interface PortfolioScanner {
  scan(request: ScanRequest): Promise<ScanResult>;
}

/** The ids a JQL finds for the caller, ids-only pages of 5,000 (what a snapshot is filtered by). */
export interface PortfolioIdSearch {
  /** Up to `max` ids; `truncated` when there were more. */
  ids(jql: string, max?: number): Promise<{ ids: string[]; truncated: boolean }>;
}

// ---- The portfolio planning readiness page (issue 11) ----

/** The rows of a scope as the caller may see them, with what could not be read. */
export interface RowsRead {
  rows: PortfolioRow[];
  unreadCount: number;
  warnings: string[];
}

/**
 * Reads a scope's epics and features through the scanner (one ids-only search, bulkfetch of 100 in
 * parallel) with the item summary; `withRecords` adds the planning records, for the planning pack.
 */
export interface PortfolioReader {
  rows(jql: string, options?: { maxIssues?: number }): Promise<RowsRead>;
  rowsWithRecords(jql: string, maxIssues: number): Promise<RowsRead & { records: Map<string, PlanningRecord> }>;
  /** The ids the JQL finds for the caller: ids-only search pages, no fields. */
  visibleIds(jql: string): Promise<Set<string>>;
}

/** A stored portfolio snapshot (written as the app): rows of the whole scope, unfiltered. */
export interface PortfolioSnapshot {
  scopeKey: string;
  scopeJql: string;
  takenAt: string;
  rows: PortfolioRow[];
  warnings: string[];
}

export interface SnapshotStore {
  load(scopeKey: string): Promise<PortfolioSnapshot | null>;
  save(snapshot: PortfolioSnapshot): Promise<void>;
}

/** One day of the trend: the counts of a daily snapshot. */
export interface TrendPoint {
  date: string;
  total: number;
  ready: number;
  atRisk: number;
  notReady: number;
  notScored: number;
}

export interface TrendStore {
  load(scopeKey: string): Promise<TrendPoint[]>;
  /** Adds or replaces the day's point, keeping the last TREND_DAYS. */
  record(scopeKey: string, point: TrendPoint): Promise<TrendPoint[]>;
}

/** A committed plan: who committed it (the acting user, as Forge names them), when, and what it held. */
export interface Baseline {
  scopeKey: string;
  /** The scope it was committed for: drift is shown for that scope only. */
  scope: PortfolioScope;
  committedBy: { accountId: string; displayName: string };
  committedAt: string;
  items: BaselineItem[];
}

/** Baselines live in Forge KVS, which only the app can write: what it reads back is what it committed. */
export interface BaselineStore {
  load(scopeKey: string): Promise<Baseline | null>;
  save(baseline: Baseline): Promise<void>;
}

/** May the acting user edit issues in the project (EDIT_ISSUES)? null when the project is not visible. */
export interface ProjectEditCheck {
  canEditInProject(projectKey: string): Promise<boolean | null>;
}
