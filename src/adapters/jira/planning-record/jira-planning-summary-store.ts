import { route } from '@forge/api';
import { z } from 'zod';
import type { PlanningSummaryStore } from '../../../application/planning/ports';
import type { PlanningSummary } from '../../../domain/planning-record/summary';
import type { JiraClient } from '../jira-client';

/**
 * The compact summary property that manifest.yml indexes for JQL (`planningSpecStatus`,
 * `estimateConfidence`, `planningRecordRev`, `planningChangedOutsideApp`). Only the app writes it; the
 * trigger repairs any other write.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
 */
export const PLANNING_SUMMARY_PROPERTY = 'planning-readiness-summary';
const SUMMARY_SCHEMA_VERSION = 1;

const storedSummary = z
  .object({
    schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
    rev: z.number().int().nonnegative(),
    specStatus: z.enum(['DRAFT', 'IN_REVIEW', 'APPROVED']),
    estimateConfidence: z.number().int().min(1).max(5).optional(),
    changedOutsideApp: z.union([z.literal(0), z.literal(1)]),
  })
  .strict();

export class JiraPlanningSummaryStore implements PlanningSummaryStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueIdOrKey: string): Promise<PlanningSummary | null> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}/properties/${PLANNING_SUMMARY_PROPERTY}`);
    const parsed = storedSummary.safeParse(raw?.value);
    if (!parsed.success) return null;
    const { schemaVersion: _version, ...summary } = parsed.data;
    return summary;
  }

  async save(issueIdOrKey: string, summary: PlanningSummary): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueIdOrKey}/properties/${PLANNING_SUMMARY_PROPERTY}`, { method: 'PUT', body: { schemaVersion: SUMMARY_SCHEMA_VERSION, ...summary } });
  }
}
