import type { Field } from '@atlaskit/jql-ast';
import { JqlError } from './jql-limits';
import type { SiteData, StoredIssue } from './model';

/**
 * The fields JQL can search in the emulated site: how each reads its values from an issue, turns a JQL
 * literal into such a value, and sorts.
 */

export interface EntityPropertyAlias {
  alias: string;
  propertyKey: string;
  path: string;
  type: 'number' | 'string' | 'text' | 'user' | 'date';
}

export interface JqlContext {
  site: SiteData;
  currentAccountId: string | null;
  aliases: EntityPropertyAlias[];
  now: Date;
}

export type Scalar = string | number;
export type Kind = 'id' | 'text' | 'number' | 'date';
export interface FieldAccessor {
  kind: Kind;
  /** All values the issue has for this field, normalised for comparison. */
  values(issue: StoredIssue, ctx: JqlContext): Scalar[];
  /** Normalise a JQL literal into what values() returns; may throw JqlError for unknown values. */
  literal?(value: string, ctx: JqlContext): Scalar[];
  /** For < <= > >= on a field whose order is not its values' (issue keys): the bound and each issue's ordinal. */
  range?(value: string, ctx: JqlContext): { bound: number; ordinal: (issue: StoredIssue) => number[] };
  sortKey?(issue: StoredIssue, ctx: JqlContext): Scalar | null;
}

export const lower = (s: string): string => s.toLowerCase();

export function parseDate(value: string, now: Date): number {
  const rel = /^([-+]?)(\d+)([wdhm])$/i.exec(value.trim());
  if (rel) {
    const unit = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[lower(rel[3]!) as 'w' | 'd' | 'h' | 'm'];
    const sign = rel[1] === '-' ? -1 : 1;
    return now.getTime() + sign * Number(rel[2]) * unit;
  }
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (abs) {
    return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
  }
  throw new JqlError(`Date value '${value}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`);
}

const isoToMs = (iso: string): number => Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

function userLiteral(field: string) {
  return (value: string, ctx: JqlContext): Scalar[] => {
    const v = lower(value);
    const user = ctx.site.users.find((u) => lower(u.accountId) === v || lower(u.emailAddress) === v);
    if (!user) throw new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
    return [lower(user.accountId)];
  };
}

function namedLiteral<T extends { id: string; name: string }>(field: string, list: (ctx: JqlContext) => T[], extra?: (t: T) => string[]) {
  return (value: string, ctx: JqlContext): Scalar[] => {
    const v = lower(value);
    const found = list(ctx).filter((t) => t.id === value || lower(t.name) === v || (extra?.(t) ?? []).some((e) => lower(e) === v));
    if (found.length === 0) throw new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
    return found.map((t) => t.id);
  };
}

function teamLiteral(value: string, ctx: JqlContext): Scalar[] {
  const team = ctx.site.teams.find((t) => t.id === value.trim());
  if (!team) throw new JqlError(`The value '${value}' does not exist for the field 'Team[Team]'. Search a team by its id.`);
  return [team.id];
}

/** Issues by key or id, indexed once per query (a list of a thousand keys must not scan the site a thousand times). */
const issueIndexes = new WeakMap<JqlContext, Map<string, StoredIssue>>();
function findIssue(ctx: JqlContext, value: string): StoredIssue | undefined {
  let index = issueIndexes.get(ctx);
  if (!index) {
    index = new Map(ctx.site.issues.flatMap((i) => [[i.id, i] as const, [lower(i.key), i] as const]));
    issueIndexes.set(ctx, index);
  }
  return index.get(value) ?? index.get(lower(value));
}

function issueByKey(ctx: JqlContext, value: string): StoredIssue {
  const found = findIssue(ctx, value);
  if (!found) throw new JqlError(`An issue with key '${value}' does not exist for field 'key'.`);
  return found;
}

const keyNumber = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1));

/** The words of an Atlassian Document Format body, for text search (not its JSON structure). */
function adfText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  const own = typeof text === 'string' ? text : '';
  return Array.isArray(content) ? [own, ...content.map(adfText)].join(' ') : own;
}

const FIELD_ACCESSORS: Record<string, FieldAccessor> = {
  project: {
    kind: 'id',
    values: (i) => [i.projectId],
    literal: namedLiteral('project', (c) => c.site.projects, (p) => [p.key]),
    sortKey: (i, c) => c.site.projects.find((p) => p.id === i.projectId)?.key ?? null,
  },
  issuetype: {
    kind: 'id',
    values: (i) => [i.issueTypeId],
    literal: namedLiteral('issuetype', (c) => c.site.issueTypes),
    sortKey: (i, c) => c.site.issueTypes.find((t) => t.id === i.issueTypeId)?.name ?? null,
  },
  status: {
    kind: 'id',
    values: (i) => [i.statusId],
    literal: namedLiteral('status', (c) => c.site.statuses),
    sortKey: (i, c) => c.site.statuses.find((s) => s.id === i.statusId)?.name ?? null,
  },
  statuscategory: {
    kind: 'id',
    values: (i, c) => [c.site.statuses.find((s) => s.id === i.statusId)!.categoryKey],
    literal: (value) => {
      const map: Record<string, string> = { 'to do': 'new', new: 'new', '2': 'new', 'in progress': 'indeterminate', indeterminate: 'indeterminate', '4': 'indeterminate', done: 'done', '3': 'done' };
      const key = map[lower(value)];
      if (!key) throw new JqlError(`The value '${value}' does not exist for the field 'statusCategory'.`);
      return [key];
    },
  },
  priority: {
    kind: 'id',
    values: (i) => [i.priorityId],
    literal: namedLiteral('priority', (c) => c.site.priorities),
    sortKey: (i) => Number(i.priorityId),
  },
  assignee: {
    kind: 'id',
    values: (i) => (i.assigneeAccountId ? [lower(i.assigneeAccountId)] : []),
    literal: userLiteral('assignee'),
    // Jira sorts users by display name; unassigned issues come last in ascending order.
    sortKey: (i, c) => (i.assigneeAccountId ? lower(c.site.users.find((u) => u.accountId === i.assigneeAccountId)?.displayName ?? i.assigneeAccountId) : null),
  },
  reporter: { kind: 'id', values: (i) => [lower(i.reporterAccountId)], literal: userLiteral('reporter') },
  labels: { kind: 'id', values: (i) => i.labels.map(lower), literal: (v) => [lower(v)] },
  fixversion: {
    kind: 'id',
    values: (i) => i.fixVersionIds,
    literal: namedLiteral('fixVersion', (c) => c.site.versions),
  },
  parent: {
    kind: 'id',
    values: (i) => (i.parentId ? [i.parentId] : []),
    literal: (value, c) => {
      const found = findIssue(c, value);
      if (!found) throw new JqlError(`The value '${value}' does not exist for the field 'parent'.`);
      return [found.id];
    },
  },
  key: {
    kind: 'id',
    values: (i) => [i.id],
    literal: (value, c) => [issueByKey(c, value).id],
    // Jira orders keys by project, then number; a range stays within the key's project.
    range: (value, c) => {
      const issue = issueByKey(c, value);
      return { bound: keyNumber(issue.key), ordinal: (i) => (i.projectId === issue.projectId ? [keyNumber(i.key)] : []) };
    },
    sortKey: (i) => `${i.key.slice(0, i.key.lastIndexOf('-'))}\u0000${String(keyNumber(i.key)).padStart(12, '0')}`,
  },
  summary: { kind: 'text', values: (i) => [i.summary], sortKey: (i) => lower(i.summary) },
  text: { kind: 'text', values: (i) => [i.summary, adfText(i.description), ...i.comments.map((c) => adfText(c.body))] },
  duedate: { kind: 'date', values: (i) => (i.duedate ? [Date.parse(i.duedate)] : []), sortKey: (i) => (i.duedate ? Date.parse(i.duedate) : null) },
  created: { kind: 'date', values: (i) => [isoToMs(i.created)], sortKey: (i) => isoToMs(i.created) },
  updated: { kind: 'date', values: (i) => [isoToMs(i.updated)], sortKey: (i) => isoToMs(i.updated) },
  storypoints: { kind: 'number', values: (i) => (i.storyPoints === null ? [] : [i.storyPoints]), sortKey: (i) => i.storyPoints },
  flagged: { kind: 'id', values: (i) => (i.flagged ? ['impediment'] : []), literal: (v) => [lower(v)] },
  // Jira Cloud searches the Team field by team id (a name can belong to several teams).
  team: { kind: 'id', values: (i) => (i.teamId ? [i.teamId] : []), literal: teamLiteral },
  rank: { kind: 'number', values: (i) => [Number(i.id)], sortKey: (i) => Number(i.id) },
};

const FIELD_ALIASES: Record<string, string> = {
  type: 'issuetype',
  issuekey: 'key',
  id: 'key',
  fixversion: 'fixversion',
  'story point estimate': 'storypoints',
  'cf[10016]': 'storypoints',
  'cf[10021]': 'flagged',
  'cf[10001]': 'team',
  'team[team]': 'team',
  category: 'statuscategory',
};

function propertyAccessor(propertyKey: string, path: string, kind: Kind): FieldAccessor {
  const segments = path.split('.').filter(Boolean);
  const values = (issue: StoredIssue): Scalar[] => {
    let cur: unknown = issue.properties[propertyKey];
    for (const s of segments) {
      if (cur === null || typeof cur !== 'object') return [];
      cur = (cur as Record<string, unknown>)[s];
    }
    const list = Array.isArray(cur) ? cur : [cur];
    return list.flatMap((v): Scalar[] => {
      if (typeof v === 'number') return [v];
      if (typeof v === 'string') return kind === 'date' ? [Date.parse(v)] : [kind === 'text' ? v : lower(v)];
      if (typeof v === 'boolean') return [String(v)];
      return [];
    });
  };
  return {
    kind,
    values,
    literal: (v) => (kind === 'number' ? [Number(v)] : [lower(v)]),
    sortKey: (i) => values(i)[0] ?? null,
  };
}

export function resolveField(field: Field, ctx: JqlContext): FieldAccessor {
  if (field.value === 'issue.property') {
    const prop = field.properties?.[0];
    if (!prop?.key || !prop.path?.length) throw new JqlError('issue.property requires a key and a path, e.g. issue.property[key].path');
    const path = prop.path.map((p) => p.value).join('');
    const declared = ctx.aliases.find((a) => a.propertyKey === prop.key!.value && `.${a.path}` === path);
    const kind: Kind = declared?.type === 'number' ? 'number' : declared?.type === 'date' ? 'date' : declared?.type === 'text' ? 'text' : 'id';
    return propertyAccessor(prop.key.value, path, kind);
  }
  const name = lower(field.value);
  const alias = ctx.aliases.find((a) => lower(a.alias) === name);
  if (alias) {
    const kind: Kind = alias.type === 'number' ? 'number' : alias.type === 'date' ? 'date' : alias.type === 'text' ? 'text' : 'id';
    return propertyAccessor(alias.propertyKey, alias.path, kind);
  }
  const accessor = FIELD_ACCESSORS[FIELD_ALIASES[name] ?? name];
  if (!accessor) throw new JqlError(`Field '${field.text}' does not exist or you do not have permission to view it.`);
  return accessor;
}
