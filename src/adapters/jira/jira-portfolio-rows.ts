import { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { PortfolioIdSearch, PortfolioReader, PortfolioScanner, RowsRead, ScannedIssue } from '../../application/portfolio/ports';
import type { PlanningRecord } from '../../domain/planning-record/model';
import type { PortfolioRow } from '../../domain/portfolio/row';
import { kvsCall } from '../kvs/kvs-call';
import { ITEM_SUMMARY_PROPERTY } from './item-summary/jira-item-summary-store';
import { fromStored } from './item-summary/stored-format';
import type { JiraClient } from './jira-client';
import { CUSTOM_FIELD_TYPES, fieldListSchema } from './jira-schemas';
import { PLANNING_RECORD_PROPERTY } from './planning-record/jira-planning-record-store';
import { readStoredRecord } from './planning-record/stored-format';

/** What a row needs from Jira, besides the Team field (whose id differs per site). */
const ROW_FIELDS = ['summary', 'status', 'issuetype', 'project', 'parent', 'fixVersions'];
/**
 * The Team field's id, kept in KVS for a day: looking it up costs a Jira call (`/field`), and a 5,000-item
 * read must stay within 1 search + 50 bulkfetch + the project (52 calls).
 */
const FIELD_IDS_KEY = 'portfolio:field-ids';
const FIELD_IDS_TTL_MS = 24 * 60 * 60 * 1000;
const storedFieldIds = z.object({ team: z.string().nullable(), at: z.number() });

const rowFields = z
  .object({
    summary: z.string(),
    status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
    issuetype: z.object({ name: z.string() }),
    project: z.object({ key: z.string() }),
    parent: z.object({ key: z.string() }).nullish(),
    fixVersions: z.array(z.object({ name: z.string() })).nullish(),
  })
  .loose();
const teamSchema = z.object({ id: z.string(), name: z.string() }).nullish();

const categoryOf = (key: string): PortfolioRow['status']['category'] => (key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new');

/** An issue's row, or null when Jira answered something the app cannot read (left out, and counted). */
export function toPortfolioRow(issue: ScannedIssue, teamField: string | null): PortfolioRow | null {
  const f = rowFields.safeParse(issue.fields);
  if (!f.success) return null;
  const parsed = teamField ? teamSchema.safeParse(issue.fields[teamField]) : null;
  const team = parsed?.success ? (parsed.data ?? null) : null;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.data.summary,
    projectKey: f.data.project.key,
    issueType: f.data.issuetype.name,
    status: { name: f.data.status.name, category: categoryOf(f.data.status.statusCategory.key) },
    team: team?.name ?? null,
    teamId: team?.id ?? null,
    releases: (f.data.fixVersions ?? []).map((v) => v.name),
    parentKey: f.data.parent?.key ?? null,
    // A summary the app could not have written counts as none: the row then reads "not scored yet".
    facts: fromStored(issue.properties[ITEM_SUMMARY_PROPERTY]),
  };
}

/** PortfolioReader over the floor scan (JiraPortfolioScanner). */
export class JiraPortfolioRows implements PortfolioReader {
  private teamField: Promise<string | null> | null = null;

  constructor(private readonly jira: JiraClient, private readonly scanner: PortfolioScanner & PortfolioIdSearch, private readonly now: () => number = Date.now) {}

  async rows(jql: string, options: { maxIssues?: number } = {}): Promise<RowsRead> {
    const { read } = await this.read(jql, [ITEM_SUMMARY_PROPERTY], options.maxIssues);
    return read;
  }

  async rowsWithRecords(jql: string, maxIssues: number): Promise<RowsRead & { records: Map<string, PlanningRecord> }> {
    const { read, issues } = await this.read(jql, [ITEM_SUMMARY_PROPERTY, PLANNING_RECORD_PROPERTY], maxIssues);
    const records = new Map<string, PlanningRecord>();
    for (const issue of issues) {
      const record = readStoredRecord(issue.properties[PLANNING_RECORD_PROPERTY]);
      if (record.ok && record.record.rev > 0) records.set(issue.id, record.record);
    }
    return { ...read, records };
  }

  async visibleIds(jql: string): Promise<Set<string>> {
    return new Set((await this.scanner.ids(jql)).ids);
  }

  private async read(jql: string, properties: string[], maxIssues?: number): Promise<{ read: RowsRead; issues: ScannedIssue[] }> {
    const teamField = await this.teamFieldId();
    const scan = await this.scanner.scan({ jql, fields: [...ROW_FIELDS, ...(teamField ? [teamField] : [])], properties, ...(maxIssues !== undefined ? { maxIssues } : {}) });
    const rows: PortfolioRow[] = [];
    let unreadable = 0;
    for (const issue of scan.issues) {
      const row = toPortfolioRow(issue, teamField);
      if (row) rows.push(row);
      else unreadable += 1;
    }
    const warnings = unreadable > 0 ? [...scan.warnings, `${unreadable.toLocaleString('en')} issues came back from Jira in a form the app cannot read: they are missing here.`] : scan.warnings;
    return { read: { rows, unreadCount: scan.unreadCount + unreadable, warnings }, issues: scan.issues };
  }

  private teamFieldId(): Promise<string | null> {
    this.teamField ??= this.lookUpTeamField();
    return this.teamField;
  }

  private async lookUpTeamField(): Promise<string | null> {
    const cached = storedFieldIds.safeParse(await kvsCall('field ids read', () => kvs.get(FIELD_IDS_KEY)).catch(() => null));
    if (cached.success && this.now() - cached.data.at < FIELD_IDS_TTL_MS) return cached.data.team;
    const fields = fieldListSchema.parse((await this.jira.json<unknown>(route`/rest/api/3/field`)) ?? []);
    const team = fields.find((f) => f.schema?.custom === CUSTOM_FIELD_TYPES.team && f.name === 'Team')?.id ?? fields.find((f) => f.schema?.custom === CUSTOM_FIELD_TYPES.team)?.id ?? null;
    // A cache that cannot be written only costs the next read one call.
    await kvsCall('field ids write', () => kvs.set(FIELD_IDS_KEY, { team, at: this.now() })).catch(() => undefined);
    return team;
  }
}
