/**
 * Bounds on the size and complexity of a JQL query, so that one expensive query cannot stall the emulator
 * for everyone (parsing is synchronous, and costs about 3 ms per KB). Jira Cloud also refuses oversized
 * queries with a 400 and `errorMessages`; its exact bounds are not documented, these are the emulator's.
 */
export class JqlError extends Error {}

export const JQL_LIMITS = {
  /** Characters in the query text. */
  maxLength: 10_000,
  /** Parentheses nested inside one another. */
  maxDepth: 50,
  /** Terminal clauses (`field operator operand`) in the query. */
  maxClauses: 500,
  /** Values in all the operand lists together. */
  maxValues: 1_000,
} as const;

/** Checks what can be checked before parsing, without the parser's cost. */
export function checkJqlText(jql: string): void {
  if (jql.length > JQL_LIMITS.maxLength) {
    throw new JqlError(`The JQL query is too long: ${jql.length} characters. The maximum is ${JQL_LIMITS.maxLength}.`);
  }
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' && ++depth > JQL_LIMITS.maxDepth) throw new JqlError(`The JQL query is too complex: parentheses are nested more than ${JQL_LIMITS.maxDepth} deep.`);
    else if (c === ')') depth--;
  }
}

/** Counts clauses and values while a parsed query is compiled. */
export class JqlBudget {
  private clauses = 0;
  private values = 0;

  clause(): void {
    if (++this.clauses > JQL_LIMITS.maxClauses) throw new JqlError(`The JQL query is too complex: it has more than ${JQL_LIMITS.maxClauses} clauses.`);
  }

  value(): void {
    if (++this.values > JQL_LIMITS.maxValues) throw new JqlError(`The JQL query is too complex: it has more than ${JQL_LIMITS.maxValues} values.`);
  }
}
