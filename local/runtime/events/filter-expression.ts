/**
 * The part of the Jira expression language a trigger's `filter.expression` needs, evaluated against the event
 * (`event.issue.fields.issuetype.name == 'Epic'`): member and index access, string, number, boolean and null
 * literals, `== != < <= > >=`, `&& || !`, parentheses, and `.includes(x)` on lists and strings.
 * Anything else is refused when the site starts, with the expression and the part that is not supported:
 * the offline runtime must not silently deliver (or drop) events that Forge would treat otherwise.
 * @see https://developer.atlassian.com/cloud/jira/platform/jira-expressions/
 */
export class UnsupportedExpressionError extends Error {}
/** A failure while evaluating, e.g. reading a property of null: Forge then applies the filter's `onError`. */
export class ExpressionEvaluationError extends Error {}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Node; property: Node }
  | { kind: 'includes'; object: Node; argument: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(==|!=|<=|>=|&&|\|\||[<>!().[\]]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new UnsupportedExpressionError(`'${source.slice(at).trim().slice(0, 20)}' at position ${at}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  return tokens;
}

const BINARY_LEVELS = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];

class Parser {
  private pos = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Node {
    const node = this.binary(0);
    if (this.pos < this.tokens.length) throw new UnsupportedExpressionError(`'${this.tokens[this.pos]!}' at token ${this.pos}`);
    return node;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private expect(token: string): void {
    if (this.tokens[this.pos] !== token) throw new UnsupportedExpressionError(`expected '${token}' but found '${this.peek() ?? 'the end'}'`);
    this.pos += 1;
  }

  private binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (BINARY_LEVELS[level]!.includes(this.peek() ?? '')) {
      const op = this.tokens[this.pos++]!;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    if (this.peek() === '!') {
      this.pos += 1;
      return { kind: 'not', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new UnsupportedExpressionError('the expression ends too early');
    if (t === '(') {
      const inner = this.binary(0);
      this.expect(')');
      return inner;
    }
    if (/^\d/.test(t)) return { kind: 'literal', value: Number(t) };
    if (t.startsWith("'") || t.startsWith('"')) return { kind: 'literal', value: t.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
    if (t === 'null') return { kind: 'literal', value: null };
    if (/^[A-Za-z_$]/.test(t)) return { kind: 'name', name: t };
    throw new UnsupportedExpressionError(`'${t}'`);
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.peek() === '.') {
        this.pos += 1;
        const name = this.tokens[this.pos++];
        if (!name || !/^[A-Za-z_$]/.test(name)) throw new UnsupportedExpressionError(`'.${name ?? ''}'`);
        if (this.peek() === '(') {
          if (name !== 'includes') throw new UnsupportedExpressionError(`the method '${name}()'`);
          this.pos += 1;
          const argument = this.binary(0);
          this.expect(')');
          node = { kind: 'includes', object: node, argument };
        } else node = { kind: 'member', object: node, property: { kind: 'literal', value: name } };
      } else if (this.peek() === '[') {
        this.pos += 1;
        const property = this.binary(0);
        this.expect(']');
        node = { kind: 'member', object: node, property };
      } else return node;
    }
  }
}

function evaluate(node: Node, scope: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      if (!Object.prototype.hasOwnProperty.call(scope, node.name)) throw new ExpressionEvaluationError(`'${node.name}' is not defined`);
      return scope[node.name];
    case 'member': {
      const object = evaluate(node.object, scope);
      const property = evaluate(node.property, scope);
      if (object === null || object === undefined) throw new ExpressionEvaluationError(`cannot read '${String(property)}' of ${String(object)}`);
      if (typeof object !== 'object' || !Object.prototype.hasOwnProperty.call(object, String(property))) return null;
      return (object as Record<string, unknown>)[String(property)] ?? null;
    }
    case 'includes': {
      const object = evaluate(node.object, scope);
      const argument = evaluate(node.argument, scope);
      if (Array.isArray(object)) return object.includes(argument);
      if (typeof object === 'string' && typeof argument === 'string') return object.includes(argument);
      throw new ExpressionEvaluationError(`includes() on ${typeof object}`);
    }
    case 'not':
      return !truthy(evaluate(node.operand, scope));
    case 'binary':
      return binary(node.op, node.left, node.right, scope);
  }
}

function truthy(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ExpressionEvaluationError(`expected a boolean, got ${JSON.stringify(value)}`);
  return value;
}

function binary(op: string, leftNode: Node, rightNode: Node, scope: Record<string, unknown>): boolean {
  if (op === '&&') return truthy(evaluate(leftNode, scope)) && truthy(evaluate(rightNode, scope));
  if (op === '||') return truthy(evaluate(leftNode, scope)) || truthy(evaluate(rightNode, scope));
  const left = evaluate(leftNode, scope);
  const right = evaluate(rightNode, scope);
  if (op === '==') return JSON.stringify(left) === JSON.stringify(right);
  if (op === '!=') return JSON.stringify(left) !== JSON.stringify(right);
  if (typeof left !== typeof right || (typeof left !== 'number' && typeof left !== 'string')) throw new ExpressionEvaluationError(`cannot compare ${JSON.stringify(left)} ${op} ${JSON.stringify(right)}`);
  const [l, r] = [left, right as number | string];
  return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
}

export interface CompiledExpression {
  /** Evaluates against `{ event }`; throws ExpressionEvaluationError when Jira would report an error. */
  matches(event: unknown): boolean;
}

/** Parses a filter expression now, so an unsupported one fails at start rather than on the first event. */
export function compileFilterExpression(source: string): CompiledExpression {
  let tree: Node;
  try {
    tree = new Parser(tokenize(source)).parse();
  } catch (e) {
    if (e instanceof UnsupportedExpressionError) throw new UnsupportedExpressionError(`The offline runtime cannot evaluate the trigger filter expression "${source}": ${e.message} is not supported.`);
    throw e;
  }
  return { matches: (event) => truthy(evaluate(tree, { event })) };
}
