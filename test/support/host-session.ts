import type { LocalSite } from '../../local/host/site';

/** Requests to the host as the shell's browser makes them: with the session cookie and the host's Origin. */
export const sessionCookie = (email: string): string => `pr_user=${encodeURIComponent(email)}`;

export interface AsBrowser {
  cookie?: string;
  origin?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
}

export function hostFetch(site: LocalSite, path: string, init: RequestInit & AsBrowser = {}): Promise<Response> {
  const { cookie, origin, contentType, headers, ...rest } = init;
  return fetch(`${site.url}${path}`, {
    redirect: 'manual',
    ...rest,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(origin === null ? {} : { origin: origin ?? site.url }),
      ...(contentType ? { 'content-type': contentType } : {}),
      ...headers,
    },
  });
}

/** A bridge invoke as the shell's frames send it. */
export function invokeBody(moduleKey: string, context: Record<string, unknown>, functionKey: string, payload?: unknown): string {
  return JSON.stringify({ moduleKey, context, functionKey, payload });
}
