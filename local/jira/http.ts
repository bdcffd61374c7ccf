import type { Principal } from './permissions';

/** The emulator's request and response shapes and Jira's error body, shared by every route file. */
export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly errorMessages: string[], readonly errors: Record<string, string> = {}) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
}

export interface Ctx {
  principal: Principal;
  url: URL;
  body: unknown;
  params: string[];
}

export type Handler = (ctx: Ctx) => EmuResponse | Promise<EmuResponse>;

/** Registers a handler for a method and a path under /rest/api/3 with `{name}` placeholders. */
export type Register = (method: string, path: string, handler: Handler) => void;

export const json = (status: number, body: unknown): EmuResponse => ({ status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) });
export const noContent = (): EmuResponse => ({ status: 204, headers: {} });
export const created = (): EmuResponse => ({ status: 201, headers: {}, body: '' });

export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

/** The request's JSON body as an object; Jira answers any other body (null, an array, a number) with a 400. */
export function objectBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw new HttpError(400, [INVALID_PAYLOAD]);
  return ctx.body as Record<string, unknown>;
}

/** An optional body member that must be an array of strings; a 400 otherwise, as Jira answers. */
export function stringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new HttpError(400, [`'${name}' must be an array of strings.`]);
  return value as string[];
}

/** A comma-separated query parameter as a list; undefined when the parameter is absent. */
export const listParam = (param: string | null): string[] | undefined => (param === null ? undefined : param.split(',').map((s) => s.trim()).filter(Boolean));
