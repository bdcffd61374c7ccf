import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { requireOpenApiFile } from './paths';

/**
 * Validates JSON against schemas from Atlassian's OpenAPI description of Jira Cloud REST v3.
 * The whole document is registered once, so $refs to #/components/schemas resolve.
 */
type Operation = {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-atlassian-oauth2-scopes'?: Array<{ scopes: string[]; state: string }>;
  security?: Array<Record<string, string[]>>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };

let cached: { ajv: Ajv; doc: Doc } | null = null;

function load(): { ajv: Ajv; doc: Doc } {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(requireOpenApiFile(), 'utf8')) as Doc & Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'double', 'float']) ajv.addFormat(f, true);
  ajv.addSchema({ ...doc, $id: 'jira' }, 'jira');
  cached = { ajv, doc };
  return cached;
}

function pointer(path: string, method: string, tail: string[]): string {
  return `jira#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/${tail.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

const validators = new Map<string, ValidateFunction>();

function validator(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = load().ajv.compile({ $ref: ref });
    validators.set(ref, v);
  }
  return v;
}

export function operation(path: string, method: string): Operation {
  const op = load().doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`The OpenAPI description has no ${method.toUpperCase()} ${path}`);
  return op;
}

/** Errors (empty when valid) of a response body against the documented schema for that status. */
export function responseErrors(path: string, method: string, status: number, body: unknown): string[] {
  const op = operation(path, method);
  if (!op.responses?.[String(status)]?.content?.['application/json']?.schema) {
    throw new Error(`No JSON schema documented for ${method} ${path} ${status}`);
  }
  const v = validator(pointer(path, method.toLowerCase(), ['responses', String(status), 'content', 'application/json', 'schema']));
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Errors (empty when valid) of a request body against the documented request schema. */
export function requestErrors(path: string, method: string, body: unknown): string[] {
  const op = operation(path, method);
  if (!op.requestBody?.content?.['application/json']?.schema) throw new Error(`No JSON request schema documented for ${method} ${path}`);
  const v = validator(pointer(path, method.toLowerCase(), ['requestBody', 'content', 'application/json', 'schema']));
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Errors (empty when valid) of a body against a named component schema, e.g. ErrorCollection. */
export function componentErrors(name: string, body: unknown): string[] {
  const v = validator(`jira#/components/schemas/${name}`);
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Maps a concrete REST path to the OpenAPI path template it matches. */
export function templateFor(concretePath: string, method: string): string | null {
  const { doc } = load();
  const clean = concretePath.split('?')[0]!;
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!ops[method.toLowerCase()]) continue;
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(clean)) {
      // Prefer literal segments over placeholders (e.g. /issue/bulkfetch over /issue/{issueIdOrKey}).
      const literal = Object.keys(doc.paths).find((t) => t === clean && doc.paths[t]?.[method.toLowerCase()]);
      return literal ?? template;
    }
  }
  return null;
}
