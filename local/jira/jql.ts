import type { Clause, Operand, TerminalClause } from '@atlaskit/jql-ast';
import { lower, parseDate, resolveField, type FieldAccessor, type JqlContext, type Scalar } from './jql-fields';
import { checkJqlText, JqlBudget, JqlError } from './jql-limits';
import { parseJql } from './jql-parser';
import { compileTextQuery, words } from './jql-text';
import type { StoredIssue } from './model';

export { JqlError } from './jql-limits';
export type { EntityPropertyAlias, JqlContext } from './jql-fields';

/**
 * JQL over the emulated site, parsed by Atlassian's own @atlaskit/jql-ast.
 *
 * Supported: the fields in jql-fields.ts, `issue.property[key].path`, aliases from `jira:entityProperty`,
 * AND/OR/NOT, = != IN NOT IN < <= > >= ~ !~ IS [NOT] EMPTY/NULL (EMPTY also in = != and lists),
 * currentUser(), ORDER BY. NOT is pushed down to the clauses as Jira does (`NOT a = x` is `a != x`, which
 * never matches an empty field). Anything else is a JqlError (HTTP 400 with Jira's errorMessages), never a
 * silently wrong answer. Size and complexity are bounded (jql-limits.ts).
 */

interface CompiledQuery {
  matches: (issue: StoredIssue) => boolean;
  compare: (a: StoredIssue, b: StoredIssue) => number;
  /** The matching issues in the query's order, yielding to other requests while a long evaluation runs. */
  select: (issues: readonly StoredIssue[]) => Promise<StoredIssue[]>;
}

/** How long an evaluation may hold the event loop before it lets other requests in. */
const EVALUATION_SLICE_MS = 5;

/** The words of each text, split once per query however many `~` clauses read them. */
const wordCaches = new WeakMap<JqlContext, Map<string, string[]>>();
function wordsOf(ctx: JqlContext, text: string): string[] {
  let cache = wordCaches.get(ctx);
  if (!cache) wordCaches.set(ctx, (cache = new Map<string, string[]>()));
  let found = cache.get(text);
  if (!found) cache.set(text, (found = words(text)));
  return found;
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
