import { route } from '@forge/api';
import { z } from 'zod';
import type { PortfolioIdSearch, PortfolioScanner, ScannedIssue, ScanRequest, ScanResult } from '../../application/portfolio/ports';
import { AppFailure } from '../../application/shared/errors';
import { chunks, mapWithConcurrency } from '../../shared/pool';
import type { JiraClient } from './jira-client';

/** Ids per search page: the most `search/jql` returns when only ids are asked for. */
const IDS_PAGE = 5_000;
/** Issues per bulkfetch call, and properties per issue: Jira's limits for `issue/bulkfetch`. */
const BULKFETCH_MAX = 100;
const MAX_PROPERTIES = 5;
/**
 * Bulkfetch calls in flight at once. Jira's rate limit is per app and site, and bursts trip it; ten keep the
 * critical path of 5,000 issues at 1 + 5 round trips.
 */
export const SCAN_CONCURRENCY = 10;

const idsPageSchema = z.object({ issues: z.array(z.object({ id: z.string() }).loose()), nextPageToken: z.string().optional() }).loose();
const bulkSchema = z
  .object({
    issues: z.array(
      z
        .object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).optional(), properties: z.record(z.string(), z.unknown()).optional() })
        .loose(),
    ),
  })
  .loose();

/** The floor scan over Jira REST v3 (see PortfolioScanner). */
export class JiraPortfolioScanner implements PortfolioScanner, PortfolioIdSearch {
  constructor(private readonly jira: JiraClient, private readonly concurrency = SCAN_CONCURRENCY) {}

  async scan(request: ScanRequest): Promise<ScanResult> {
    if (request.properties.length > MAX_PROPERTIES) throw new Error(`bulkfetch returns at most ${MAX_PROPERTIES} properties per issue`);
    const found = await this.ids(request.jql, request.maxIssues ?? Number.POSITIVE_INFINITY);
    const warnings: string[] = [];
    if (found.truncated) warnings.push(`Only the first ${found.ids.length.toLocaleString('en')} issues are shown: narrow the scope to see the rest.`);
    let unreadCount = 0;
    const pages = await mapWithConcurrency(chunks(found.ids, BULKFETCH_MAX), this.concurrency, async (issueIdsOrKeys) => {
      try {
        const raw = await this.jira.json<unknown>(route`/rest/api/3/issue/bulkfetch`, {
          method: 'POST',
          readOnly: true,
          body: { issueIdsOrKeys, fields: request.fields, properties: request.properties },
        });
        return bulkSchema.parse(raw ?? { issues: [] }).issues.map(
          (i): ScannedIssue => ({ id: i.id, key: i.key, fields: i.fields ?? {}, properties: i.properties ?? {} }),
        );
      } catch (e) {
        // Part of the program cannot be read now (Jira kept answering 429 or 5xx): show the rest, and say so.
        if (!(e instanceof AppFailure)) throw e;
        unreadCount += issueIdsOrKeys.length;
        return [];
      }
    });
    if (unreadCount > 0) warnings.push(`${unreadCount.toLocaleString('en')} issues could not be read from Jira just now (it is busy or failing): they are missing here. Refresh to try again.`);
    return { issues: pages.flat(), unreadCount, warnings };
  }

  /** Every id the JQL finds, page after page (each page needs the previous page's token). */
  async ids(jql: string, max: number = Number.POSITIVE_INFINITY): Promise<{ ids: string[]; truncated: boolean }> {
    const ids: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/search/jql`, {
        method: 'POST',
        readOnly: true,
        body: { jql, fields: ['id'], maxResults: IDS_PAGE, ...(nextPageToken ? { nextPageToken } : {}) },
      });
      const page = idsPageSchema.parse(raw ?? { issues: [] });
      ids.push(...page.issues.map((i) => i.id));
      nextPageToken = page.nextPageToken;
      if (ids.length >= max) return { ids: ids.slice(0, max), truncated: ids.length > max || nextPageToken !== undefined };
    } while (nextPageToken);
    return { ids, truncated: false };
  }
}
