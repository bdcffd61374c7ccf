import { route } from '@forge/api';
import { z } from 'zod';
import type { DependencyGraphReader, ReadIssue } from '../../../application/dependencies/ports';
import type { PortfolioScanner } from '../../../application/portfolio/ports';
import type { IssueLinkView } from '../../../domain/dependencies/links';
import { chunks, mapWithConcurrency } from '../../../shared/pool';
import { ITEM_SUMMARY_PROPERTY } from '../item-summary/jira-item-summary-store';
import type { JiraClient } from '../jira-client';
import { CUSTOM_FIELD_TYPES, fieldListSchema } from '../jira-schemas';
import { DEPENDENCIES_PROPERTY } from './jira-dependency-record-store';
import { readStoredDependencies } from './stored-format';

const ref = z.object({ id: z.string(), key: z.string() }).loose();
const issueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z
      .object({
        summary: z.string().nullish(),
        project: z.object({ key: z.string() }).loose(),
        status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().nullish() }).loose().nullish(),
        assignee: z.object({ accountId: z.string(), displayName: z.string() }).loose().nullish(),
        duedate: z.string().nullish(),
        fixVersions: z.array(z.object({ name: z.string(), releaseDate: z.string().nullish() }).loose()).nullish(),
        issuelinks: z.array(z.object({ id: z.string(), type: z.object({ name: z.string() }).loose(), inwardIssue: ref.optional(), outwardIssue: ref.optional() }).loose()).nullish(),
      })
      .loose(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
const bulkSchema = z.object({ issues: z.array(z.unknown()) }).loose();
const cycleFlag = z.object({ dependencies: z.object({ cycle: z.literal(1) }).loose() }).loose();

/**
 * Reads issues for the dependency graph with `issue/bulkfetch` (100 per call, a few calls at once): links,
 * dates, releases, status, team, and the dependencies and summary properties. As the user, Jira leaves out
 * what the user cannot browse (and the links to it).
 */
export class JiraDependencyGraphReader implements DependencyGraphReader {
  private teamField: Promise<string | null> | null = null;

  constructor(private readonly jira: JiraClient, private readonly scanner: PortfolioScanner) {}

  private async fields(): Promise<{ team: string | null; fields: string[] }> {
    const team = await this.teamFieldId();
    return { team, fields: ['summary', 'project', 'status', 'assignee', 'duedate', 'fixVersions', 'issuelinks', ...(team ? [team] : [])] };
  }

  async scan(jql: string, maxIssues: number): Promise<{ issues: ReadIssue[]; warnings: string[] }> {
    const { team, fields } = await this.fields();
    const result = await this.scanner.scan({ jql, fields, properties: PROPERTIES, maxIssues });
    return { issues: result.issues.flatMap((i) => parseIssue(i, team)), warnings: result.warnings };
  }

  private teamFieldId(): Promise<string | null> {
    this.teamField ??= this.jira.json<unknown>(route`/rest/api/3/field`).then((raw) => fieldListSchema.parse(raw ?? []).find((f) => f.schema?.custom === CUSTOM_FIELD_TYPES.team)?.id ?? null);
    return this.teamField;
  }

  async read(issueIdsOrKeys: string[]): Promise<ReadIssue[]> {
    if (issueIdsOrKeys.length === 0) return [];
    const { team, fields } = await this.fields();
    const pages = await mapWithConcurrency(chunks([...new Set(issueIdsOrKeys)], 100), 4, async (ids) => {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        readOnly: true,
        body: { issueIdsOrKeys: ids, fields, properties: PROPERTIES },
      });
      return bulkSchema.parse(raw ?? { issues: [] }).issues.flatMap((i) => parseIssue(i, team));
    });
    return pages.flat();
  }
}

const PROPERTIES = [DEPENDENCIES_PROPERTY, ITEM_SUMMARY_PROPERTY];

/** An issue of a bulkfetch or scan answer; one Jira sent in another shape is left out. */
function parseIssue(raw: unknown, teamField: string | null): ReadIssue[] {
  const parsed = issueSchema.safeParse(raw);
  return parsed.success ? [toReadIssue(parsed.data, teamField)] : [];
}

function toReadIssue(i: z.infer<typeof issueSchema>, teamField: string | null): ReadIssue {
  const f = i.fields;
  const teamValue = teamField ? z.object({ name: z.string() }).nullish().safeParse(f[teamField]) : null;
  const releases = (f.fixVersions ?? []).flatMap((v) => (v.releaseDate ? [{ name: v.name, date: v.releaseDate }] : [])).sort((a, b) => a.date.localeCompare(b.date));
  const links: IssueLinkView[] = (f.issuelinks ?? []).flatMap((l) => {
    const other = l.inwardIssue ?? l.outwardIssue;
    return other ? [{ id: l.id, typeName: l.type.name, otherSide: l.inwardIssue ? 'inward' : 'outward', otherId: other.id, otherKey: other.key }] : [];
  });
  return {
    id: i.id,
    key: i.key,
    projectKey: f.project.key,
    summary: f.summary ?? '',
    team: teamValue?.success ? (teamValue.data?.name ?? null) : null,
    dueDate: f.duedate ?? null,
    releaseDate: releases[0]?.date ?? null,
    releaseName: releases[0]?.name ?? f.fixVersions?.[0]?.name ?? null,
    done: f.status?.statusCategory?.key === 'done',
    statusName: f.status?.name ?? '',
    assignee: f.assignee ? { accountId: f.assignee.accountId, displayName: f.assignee.displayName } : null,
    links,
    stored: readStoredDependencies(i.properties?.[DEPENDENCIES_PROPERTY]),
    publishedCycle: cycleFlag.safeParse(i.properties?.[ITEM_SUMMARY_PROPERTY]).success ? 1 : 0,
    hasSummary: i.properties?.[ITEM_SUMMARY_PROPERTY] !== undefined,
  };
}
