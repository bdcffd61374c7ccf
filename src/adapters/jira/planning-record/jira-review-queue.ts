import type { PortfolioScanner } from '../../../application/portfolio/ports';
import type { ReviewQueueEntry, ReviewQueueReader } from '../../../application/planning/ports';
import { ITEM_SUMMARY_PROPERTY } from '../item-summary/jira-item-summary-store';
import { fromStored } from '../item-summary/stored-format';
import { PLANNING_RECORD_PROPERTY } from './jira-planning-record-store';
import { readStoredRecord } from './stored-format';

const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const nameOf = (value: unknown): string => str((value as { name?: unknown } | null | undefined)?.name, '');

/**
 * The review queue from the portfolio scan: ids-only search, then bulkfetch of the item summary (whose
 * specStatus is what the app verified) and of the planning record (for its author and the last request for
 * changes). An issue whose summary cannot be read is left out: its status is not known.
 */
export class JiraReviewQueue implements ReviewQueueReader {
  constructor(private readonly scanner: PortfolioScanner) {}

  async read(jql: string): Promise<{ entries: ReviewQueueEntry[]; warnings: string[] }> {
    const scan = await this.scanner.scan({ jql, fields: ['summary', 'issuetype'], properties: [ITEM_SUMMARY_PROPERTY, PLANNING_RECORD_PROPERTY] });
    const entries = scan.issues.flatMap((issue): ReviewQueueEntry[] => {
      const summary = fromStored(issue.properties[ITEM_SUMMARY_PROPERTY]);
      if (!summary) return [];
      const read = readStoredRecord(issue.properties[PLANNING_RECORD_PROPERTY]);
      const record = read.ok ? read.record : null;
      return [
        {
          key: issue.key,
          summary: str(issue.fields.summary, issue.key),
          issueTypeName: nameOf(issue.fields.issuetype),
          specStatus: summary.specStatus,
          author: record?.spec.author ?? null,
          changesRequest: record?.review.changesRequest ?? null,
          changedAt: record?.history[0]?.at ?? null,
        },
      ];
    });
    return { entries, warnings: scan.warnings };
  }
}
