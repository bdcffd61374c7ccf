import { route } from '@forge/api';
import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { WorkItem } from '../../domain/work-item/work-item';
import type { ProjectInfo, WorkItemReader } from '../../application/shared/ports';
import type { JiraClient } from './jira-client';
import {
  CUSTOM_FIELD_TYPES,
  fieldListSchema,
  issueSchema,
  projectSchema,
  searchPageSchema,
  toIssueType,
  toDecompositionItem,
  toWorkItem,
  type CustomFieldIds,
} from './jira-schemas';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,9}-[1-9][0-9]{0,9}$/;
/** At most 1,000 children are read for one decomposition (10 pages of 100). */
const MAX_CHILD_PAGES = 10;
const BASE_FIELDS = ['summary', 'project', 'issuetype', 'status', 'assignee', 'parent', 'fixVersions'];

/** WorkItemReader over Jira REST v3. Custom field ids (Team, Flagged) are looked up once per reader. */
export class JiraWorkItemReader implements WorkItemReader {
  private customFields: Promise<CustomFieldIds> | null = null;

  constructor(private readonly jira: JiraClient) {}

  /** The site's custom field ids (Story points, Team, Flagged), looked up once per reader. */
  fieldIds(): Promise<CustomFieldIds> {
    this.customFields ??= this.jira.json<unknown>(route`/rest/api/3/field`).then((raw) => {
      const fields = fieldListSchema.parse(raw ?? []);
      const byType = (type: string, name: string): string | null =>
        fields.find((f) => f.schema?.custom === type && f.name === name)?.id ?? fields.find((f) => f.schema?.custom === type)?.id ?? null;
      return {
        storyPoints: byType(CUSTOM_FIELD_TYPES.storyPoints, 'Story point estimate'),
        team: byType(CUSTOM_FIELD_TYPES.team, 'Team'),
        flagged: byType(CUSTOM_FIELD_TYPES.flagged, 'Flagged'),
      };
    });
    return this.customFields;
  }

  private async fieldList(): Promise<string[]> {
    const ids = await this.fieldIds();
    return [...BASE_FIELDS, ...[ids.team, ids.flagged].filter((f): f is string => f !== null)];
  }

  async getWorkItem(issueKey: string): Promise<WorkItem | null> {
    const fields = await this.fieldList();
    const raw = await this.jira.json<unknown>(route`/rest/api/3/issue/${issueKey}?fields=${fields.join(',')}`);
    return raw === null ? null : toWorkItem(issueSchema.parse(raw), await this.fieldIds());
  }

  async getProject(projectKey: string): Promise<ProjectInfo | null> {
    const raw = await this.jira.json<unknown>(route`/rest/api/3/project/${projectKey}`);
    if (raw === null) return null;
    const p = projectSchema.parse(raw);
    return { id: p.id, key: p.key, name: p.name, issueTypes: p.issueTypes.map(toIssueType) };
  }

  async listChildren(parentKeys: string[]): Promise<DecompositionItem[]> {
    return (await this.listChildrenWithProperties(parentKeys, [])).map((c) => c.item);
  }

  /**
   * The children with the given issue properties, in the same search (Jira's `properties` parameter), so
   * what is stored on each child costs no call of its own.
   */
  async listChildrenWithProperties(parentKeys: string[], propertyKeys: string[]): Promise<Array<{ item: DecompositionItem; properties: Record<string, unknown> }>> {
    const keys = parentKeys.filter((k) => ISSUE_KEY.test(k));
    if (keys.length === 0) return [];
    const ids = await this.fieldIds();
    const fields = ['summary', 'issuetype', 'status', 'labels', 'parent', ...(ids.storyPoints ? [ids.storyPoints] : []), ...(ids.team ? [ids.team] : [])];
    const children: Array<{ item: DecompositionItem; properties: Record<string, unknown> }> = [];
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_CHILD_PAGES; page++) {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/search/jql`, {
        method: 'POST',
        readOnly: true,
        body: {
          jql: `parent in (${keys.map((k) => `"${k}"`).join(', ')}) ORDER BY key ASC`,
          fields,
          maxResults: 100,
          ...(propertyKeys.length > 0 ? { properties: propertyKeys } : {}),
          ...(nextPageToken ? { nextPageToken } : {}),
        },
      });
      const parsed = searchPageSchema.parse(raw ?? { issues: [] });
      children.push(...parsed.issues.map((i) => ({ item: toDecompositionItem(i, ids), properties: i.properties ?? {} })));
      if (!parsed.nextPageToken) break;
      nextPageToken = parsed.nextPageToken;
    }
    return children;
  }

}
