import { asUser, route, type RequestInit, type Route } from '@forge/api';
import { ITEM_SUMMARY_PROPERTY } from '../../src/adapters/jira/item-summary/jira-item-summary-store';
import { chunks, mapWithConcurrency } from '../../src/shared/pool';

/**
 * Three ways to read a program's epics and features with their planning summaries, through the real
 * `@forge/api` (run them inside `runInvocation`). Each returns the rows it read and the bytes Jira sent.
 *
 * CONCURRENCY: Forge documents no per-invocation limit on parallel calls, but Jira Cloud's rate limit is
 * per app and site, and bursts are what trip it. Ten calls in flight keep the floor's critical path at
 * 1 + ceil(N / 1,000) round trips (6 at 5,000: 1.8 s at 300 ms per call, inside the 4 s target), while a
 * scheduled snapshot of 20,000 items stays at ten requests in flight, not two hundred.
 */
export const CONCURRENCY = 10;
const PAGE_WITH_FIELDS = 100;
const PAGE_IDS_ONLY = 5_000;
const BULKFETCH_MAX = 100;
/** What a portfolio row needs: the item itself, its place in the hierarchy, and its dependencies. */
const FIELDS = ['summary', 'status', 'issuetype', 'parent', 'issuelinks'];

export interface Row {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  summary: unknown;
}

export interface StrategyResult {
  rows: Row[];
  jiraResponseBytes: number;
}

export type Strategy = (jql: string) => Promise<StrategyResult>;

interface SearchPage {
  issues: Array<{ id: string; key: string; fields?: Record<string, unknown>; properties?: Record<string, unknown> }>;
  nextPageToken?: string;
}

/** Counts the bytes of every answer, so the strategies compare in transfer as well as in calls. */
class JiraReader {
  bytes = 0;

  async post<T>(path: Route, body: unknown): Promise<T> {
    const { ok, text } = await this.send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
    if (!ok) throw new Error(`Jira refused ${path.value}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  /** A GET whose 404 means "no such property": null. */
  async getOrNull<T>(path: Route): Promise<T | null> {
    const { ok, status, text } = await this.send(path, { headers: { Accept: 'application/json' } });
    if (status === 404) return null;
    if (!ok) throw new Error(`Jira refused ${path.value}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  private async send(path: Route, init: RequestInit): Promise<{ ok: boolean; status: number; text: string }> {
    const response = await asUser().requestJira(path, init);
    const text = await response.text();
    this.bytes += Buffer.byteLength(text);
    return { ok: response.ok, status: response.status, text };
  }

  /** Every page of a search, one after the other (each page needs the previous page's token). */
  async searchAll(body: Record<string, unknown>): Promise<SearchPage['issues']> {
    const issues: SearchPage['issues'] = [];
    let nextPageToken: string | undefined;
    do {
      const page: SearchPage = await this.post(route`/rest/api/3/search/jql`, { ...body, ...(nextPageToken ? { nextPageToken } : {}) });
      issues.push(...page.issues);
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    return issues;
  }
}

const rowOf = (issue: SearchPage['issues'][number], summary: unknown): Row => ({ id: issue.id, key: issue.key, fields: issue.fields ?? {}, summary });

/** As typical Forge apps do: a paged search for the items, then one property GET per item. */
export const naive: Strategy = async (jql) => {
  const jira = new JiraReader();
  const issues = await jira.searchAll({ jql, fields: FIELDS, maxResults: PAGE_WITH_FIELDS });
  const rows = await mapWithConcurrency(issues, CONCURRENCY, async (issue) => {
    const property = await jira.getOrNull<{ value: unknown }>(route`/rest/api/3/issue/${issue.id}/properties/${ITEM_SUMMARY_PROPERTY}`);
    return rowOf(issue, property?.value ?? null);
  });
  return { rows, jiraResponseBytes: jira.bytes };
};

/** Sequential `nextPageToken` paging, 100 a page, with the summary property in the search. */
export const sequential: Strategy = async (jql) => {
  const jira = new JiraReader();
  const issues = await jira.searchAll({ jql, fields: FIELDS, properties: [ITEM_SUMMARY_PROPERTY], maxResults: PAGE_WITH_FIELDS });
  return { rows: issues.map((i) => rowOf(i, i.properties?.[ITEM_SUMMARY_PROPERTY] ?? null)), jiraResponseBytes: jira.bytes };
};

/** The floor: ids-only search pages (5,000 ids each), then 100-issue bulkfetch calls, CONCURRENCY at a time. */
export const floor: Strategy = async (jql) => {
  const jira = new JiraReader();
  const ids = (await jira.searchAll({ jql, fields: ['id'], maxResults: PAGE_IDS_ONLY })).map((i) => i.id);
  const pages = await mapWithConcurrency(chunks(ids, BULKFETCH_MAX), CONCURRENCY, (issueIdsOrKeys) =>
    jira.post<SearchPage>(route`/rest/api/3/issue/bulkfetch`, { issueIdsOrKeys, fields: FIELDS, properties: [ITEM_SUMMARY_PROPERTY] }),
  );
  return { rows: pages.flatMap((p) => p.issues.map((i) => rowOf(i, i.properties?.[ITEM_SUMMARY_PROPERTY] ?? null))), jiraResponseBytes: jira.bytes };
};

/** Round trips on the floor's critical path: the id pages one after another, then the bulkfetch waves. */
export function floorCriticalPath(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_IDS_ONLY)) + Math.ceil(Math.ceil(n / BULKFETCH_MAX) / CONCURRENCY);
}

export const STRATEGIES = { naive, sequential, floor } as const;
export type StrategyName = keyof typeof STRATEGIES;
