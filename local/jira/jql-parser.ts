import { Worker } from 'node:worker_threads';
import { JastBuilder, type Query } from '@atlaskit/jql-ast';
import { JqlError } from './jql-limits';

/**
 * Parses JQL with Atlassian's @atlaskit/jql-ast. The parser is synchronous and slow (about 3 ms per KB, and
 * more for deep nesting), so a long query is parsed in a worker thread: the emulator keeps answering other
 * requests meanwhile. Short queries, nearly all of them, parse at once on the calling thread.
 */
export interface ParsedJql {
  query: Query | undefined;
  errors: Array<{ message?: string; description?: string; line?: number; charPositionInLine?: number }>;
}

const INLINE_MAX_CHARS = 1_000;
/** An idle worker is stopped after this long, so it does not hold memory (or a test run) for nothing. */
const WORKER_IDLE_MS = 10_000;

/** Runs in the worker: the AST without its `parent` back-references is plain JSON. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { JastBuilder } = require(workerData.jqlAst);
parentPort.on('message', ({ id, jql }) => {
  try {
    const ast = new JastBuilder().build(jql);
    parentPort.postMessage({ id, json: JSON.stringify({ query: ast.query, errors: ast.errors }, (k, v) => (k === 'parent' ? undefined : v)) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});`;

function parseHere(jql: string): ParsedJql {
  const ast = new JastBuilder().build(jql);
  return { query: ast.query ?? undefined, errors: ast.errors };
}

class ParserWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (p: ParsedJql) => void; reject: (e: Error) => void }>();
  private idle: NodeJS.Timeout | null = null;

  parse(jql: string): Promise<ParsedJql> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise<ParsedJql>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, jql });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { jqlAst: require.resolve('@atlaskit/jql-ast') } });
    worker.on('message', (m: { id: number; json?: string; error?: string }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.json !== undefined) waiting?.resolve(JSON.parse(m.json) as ParsedJql);
      else waiting?.reject(new JqlError(`Error in the JQL Query: ${m.error ?? 'the parser failed'}`));
      if (this.pending.size === 0) this.rest(worker);
    });
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', () => this.fail(worker, new Error('The JQL parser stopped')));
    this.worker = worker;
    return worker;
  }

  /** Nothing to do: let the process exit if it wants to, and stop the worker after a while. */
  private rest(worker: Worker): void {
    worker.unref();
    this.idle = setTimeout(() => {
      this.worker = null;
      void worker.terminate();
    }, WORKER_IDLE_MS);
    this.idle.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

const worker = new ParserWorker();

export function parseJql(jql: string): Promise<ParsedJql> {
  return jql.length <= INLINE_MAX_CHARS ? Promise.resolve(parseHere(jql)) : worker.parse(jql);
}
