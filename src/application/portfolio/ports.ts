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
