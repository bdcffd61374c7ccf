import type { IncomingMessage } from 'node:http';

/**
 * Cross-site request forgery defence for the shell's cookie session. SameSite=Lax is not enough on its own:
 * every port of localhost is the same site, so a page served by any other local dev server could post to the
 * host with the user's cookie. A state-changing request must therefore come from one of the host's own
 * origins, as its Origin header (or, without one, Sec-Fetch-Site) says.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins the host itself is reached at: the loopback names, and the listen address when it is another. */
export function hostOrigins(port: number, listenHost: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (listenHost !== '0.0.0.0' && listenHost !== '::') names.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  return new Set([...names].map((name) => `http://${name}:${port}`));
}

export function isStateChanging(req: IncomingMessage): boolean {
  return !SAFE_METHODS.has(req.method ?? 'GET');
}

/** True when the browser says the request comes from one of the host's own pages. */
export function isSameOrigin(req: IncomingMessage, origins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origins.has(origin);
  return req.headers['sec-fetch-site'] === 'same-origin';
}
