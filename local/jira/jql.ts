import {
  type Clause,
  type Operand,
  type TerminalClause,
  type Field,
} from '@atlaskit/jql-ast';
import { checkJqlText, JqlBudget, JqlError } from './jql-limits';
import { parseJql } from './jql-parser';
import { compileTextQuery, words } from './jql-text';
import type { SiteData, StoredIssue } from './model';

export { JqlError } from './jql-limits';

/**
 * JQL over the emulated site, parsed by Atlassian's own @atlaskit/jql-ast.
 *
 * Supported: the fields in FIELD_ACCESSORS, `issue.property[key].path`, aliases from `jira:entityProperty`,
 * AND/OR/NOT, = != IN NOT IN < <= > >= ~ !~ IS [NOT] EMPTY/NULL (EMPTY also in = != and lists),
 * currentUser(), ORDER BY. NOT is pushed down to the clauses as Jira does (`NOT a = x` is `a != x`, which
 * never matches an empty field). Anything else is a JqlError (HTTP 400 with Jira's errorMessages), never a
 * silently wrong answer. Size and complexity are bounded (jql-limits.ts).
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

type Scalar = string | number;
interface CompiledQuery {
  matches: (issue: StoredIssue) => boolean;
  compare: (a: StoredIssue, b: StoredIssue) => number;
  /** The matching issues in the query's order, yielding to other requests while a long evaluation runs. */
  select: (issues: readonly StoredIssue[]) => Promise<StoredIssue[]>;
}

/** How long an evaluation may hold the event loop before it lets other requests in. */
const EVALUATION_SLICE_MS = 5;

type Kind = 'id' | 'text' | 'number' | 'date';
interface FieldAccessor {
  kind: Kind;
  /** All values the issue has for this field, normalised for comparison. */
  values(issue: StoredIssue, ctx: JqlContext): Scalar[];
  /** Normalise a JQL literal into what values() returns; may throw JqlError for unknown values. */
  literal?(value: string, ctx: JqlContext): Scalar[];
  /** For < <= > >= on a field whose order is not its values' (issue keys): the bound and each issue's ordinal. */
  range?(value: string, ctx: JqlContext): { bound: number; ordinal: (issue: StoredIssue) => number[] };
  sortKey?(issue: StoredIssue, ctx: JqlContext): Scalar | null;
}

const lower = (s: string): string => s.toLowerCase();

function parseDate(value: string, now: Date): number {
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

/** The words of each text, split once per query however many `~` clauses read them. */
const wordCaches = new WeakMap<JqlContext, Map<string, string[]>>();
function wordsOf(ctx: JqlContext, text: string): string[] {
  let cache = wordCaches.get(ctx);
  if (!cache) wordCaches.set(ctx, (cache = new Map<string, string[]>()));
  let found = cache.get(text);
  if (!found) cache.set(text, (found = words(text)));
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
  team: { kind: 'id', values: (i) => (i.teamId ? [i.teamId] : []), literal: namedLiteral('Team', (c) => c.site.teams) },
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

function resolveField(field: Field, ctx: JqlContext): FieldAccessor {
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

/** The literals of an operand, and whether it names EMPTY (`= EMPTY`, `IN (EMPTY, x)`). */
interface Literals {
  values: Set<Scalar>;
  empty: boolean;
}

function operandLiterals(operand: Operand, accessor: FieldAccessor, ctx: JqlContext, budget: JqlBudget, into: Literals = { values: new Set(), empty: false }): Literals {
  switch (operand.operandType) {
    case 'value': {
      budget.value();
      const raw = operand.value;
      if (accessor.kind === 'number') {
        const n = Number(raw);
        if (Number.isNaN(n)) throw new JqlError(`The value '${raw}' is not a valid number.`);
        into.values.add(n);
      } else if (accessor.kind === 'date') into.values.add(parseDate(raw, ctx.now));
      else if (accessor.kind === 'text') into.values.add(raw);
      else for (const v of accessor.literal ? accessor.literal(raw, ctx) : [lower(raw)]) into.values.add(v);
      return into;
    }
    case 'list':
      for (const v of operand.values) operandLiterals(v, accessor, ctx, budget, into);
      return into;
    case 'function': {
      budget.value();
      const fn = lower(operand.function.value);
      if (fn === 'currentuser') {
        if (!ctx.currentAccountId) throw new JqlError('The function currentUser() requires a logged-in user.');
        into.values.add(lower(ctx.currentAccountId));
      } else if (fn === 'now') into.values.add(ctx.now.getTime());
      else throw new JqlError(`Unable to find JQL function '${operand.function.text}' in this emulator.`);
      return into;
    }
    case 'keyword':
      into.empty = true;
      return into;
    default:
      throw new JqlError('Unsupported operand.');
  }
}

type Predicate = (i: StoredIssue) => boolean;

/** What NOT turns each operator into (Jira pushes NOT down to the clauses, by De Morgan's laws). */
const NEGATED: Record<string, string> = {
  '=': '!=', '!=': '=', in: 'not in', 'not in': 'in', is: 'is not', 'is not': 'is',
  '~': '!~', '!~': '~', '<': '>=', '>=': '<', '>': '<=', '<=': '>',
};

const RANGE: Record<string, (a: number, b: number) => boolean> = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };

function compileTerminal(clause: TerminalClause, ctx: JqlContext, budget: JqlBudget, negated: boolean): Predicate {
  budget.clause();
  const accessor = resolveField(clause.field, ctx);
  const written = lower(clause.operator?.value ?? '');
  const operand = clause.operand;
  if (!operand) throw new JqlError(`Expected an operand after '${clause.field.text}'.`);
  if (written.startsWith('was') || written === 'changed') throw new JqlError(`The operator '${written.toUpperCase()}' (history search) is not supported by this emulator.`);
  const op = negated ? (NEGATED[written] ?? written) : written;
  const has = (i: StoredIssue): Scalar[] => accessor.values(i, ctx);
  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword') throw new JqlError(`The operator '${written.toUpperCase()}' only supports EMPTY or NULL.`);
    return op === 'is' ? (i) => has(i).length === 0 : (i) => has(i).length > 0;
  }
  if (op in RANGE && accessor.range) {
    if (operand.operandType !== 'value') throw new JqlError(`The operator '${written}' needs a single value for the '${clause.field.text}' field.`);
    budget.value();
    const { bound, ordinal } = accessor.range(operand.value, ctx);
    return (i) => ordinal(i).some((v) => RANGE[op]!(v, bound));
  }
  const { values: literals, empty } = operandLiterals(operand, accessor, ctx, budget);
  switch (op) {
    case '=':
    case 'in':
      if (accessor.kind === 'text') throw new JqlError(`The operator '${written}' is not supported by the '${clause.field.text}' field. Use '~'.`);
      return (i) => {
        const vs = has(i);
        return vs.length === 0 ? empty : vs.some((v) => literals.has(v));
      };
    case '!=':
    case 'not in':
      if (accessor.kind === 'text') throw new JqlError(`The operator '${written}' is not supported by the '${clause.field.text}' field. Use '!~'.`);
      // Jira: != and NOT IN never match an issue where the field is empty.
      return (i) => {
        const vs = has(i);
        return vs.length > 0 && !vs.some((v) => literals.has(v));
      };
    case '~':
    case '!~': {
      if (accessor.kind !== 'text') throw new JqlError(`The operator '${written}' is not supported by the '${clause.field.text}' field.`);
      const text = [...literals][0];
      const query = typeof text === 'string' ? compileTextQuery(text) : null;
      if (!query) throw new JqlError(`The text query for the '${clause.field.text}' field has no word to search for.`);
      const wanted = op === '~';
      return (i) => {
        const vs = has(i) as string[];
        return vs.length > 0 && query(vs.map((v) => wordsOf(ctx, v))) === wanted;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (accessor.kind !== 'number' && accessor.kind !== 'date') {
        throw new JqlError(`The operator '${written}' is not supported by the '${clause.field.text}' field.`);
      }
      const bound = [...literals][0] as number;
      return (i) => has(i).some((v) => typeof v === 'number' && RANGE[op]!(v, bound));
    }
    default:
      throw new JqlError(`The operator '${written}' is not supported by this emulator.`);
  }
}

function compileClause(clause: Clause, ctx: JqlContext, budget: JqlBudget, negated: boolean): Predicate {
  switch (clause.clauseType) {
    case 'compound': {
      const parts = clause.clauses.map((c) => compileClause(c, ctx, budget, negated));
      const all = (clause.operator.value === 'and') !== negated;
      return all ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
    }
    case 'not':
      return compileClause(clause.clause, ctx, budget, !negated);
    case 'terminal':
      return compileTerminal(clause, ctx, budget, negated);
    default:
      throw new JqlError('Unsupported clause.');
  }
}

export async function compileJql(jql: string, ctx: JqlContext): Promise<CompiledQuery & { bounded: boolean }> {
  checkJqlText(jql);
  const ast = await parseJql(jql);
  if (ast.errors.length > 0) {
    const e = ast.errors[0]!;
    throw new JqlError(`Error in the JQL Query: ${e.description ?? e.message ?? 'syntax error'} (line ${e.line ?? 1}, character ${(e.charPositionInLine ?? 0) + 1})`);
  }
  const where = ast.query?.where;
  const matches = where ? compileClause(where, ctx, new JqlBudget(), false) : () => true;
  const orderFields = (ast.query?.orderBy?.fields ?? []).map((f) => {
    const accessor = resolveField(f.field, ctx);
    if (!accessor.sortKey) throw new JqlError(`Field '${f.field.text}' does not support sorting.`);
    return { accessor, desc: lower(f.direction?.value ?? 'asc') === 'desc' };
  });
  const compare = (a: StoredIssue, b: StoredIssue): number => {
    for (const { accessor, desc } of orderFields) {
      const x = accessor.sortKey!(a, ctx);
      const y = accessor.sortKey!(b, ctx);
      if (x === y) continue;
      // Jira sorts empty values last in ascending order.
      if (x === null) return 1;
      if (y === null) return -1;
      const r = x < y ? -1 : 1;
      return desc ? -r : r;
    }
    return Number(b.id) - Number(a.id); // Jira's default order: newest first (key DESC)
  };
  const select = async (issues: readonly StoredIssue[]): Promise<StoredIssue[]> => {
    const found: StoredIssue[] = [];
    let sliceStart = performance.now();
    for (const issue of issues) {
      if (matches(issue)) found.push(issue);
      if (performance.now() - sliceStart > EVALUATION_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return found.sort(compare);
  };
  return { matches, compare, select, bounded: where !== undefined };
}
