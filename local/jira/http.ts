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

/** A comma-separated query parameter as a list; undefined when the parameter is absent. */
export const listParam = (param: string | null): string[] | undefined => (param === null ? undefined : param.split(',').map((s) => s.trim()).filter(Boolean));
