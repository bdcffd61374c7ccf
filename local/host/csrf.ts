import type { IncomingMessage } from 'node:http';

/**
 * Cross-site request forgery and DNS rebinding defence for the shell's cookie session. SameSite=Lax is not
 * enough on its own: every port of localhost is the same site, so a page served by any other local dev
 * server could post to the host with the user's cookie. So:
 * - a request must name one of the host's own addresses (a rebinding page names its own domain);
 * - a state-changing request must come from the host's own pages: its Origin is the address it names
 *   (or, without an Origin, Sec-Fetch-Site says same-origin).
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The `host:port` names the host answers to: the loopback names, and the listen address when it is another.
 * Null when it listens on every interface, where any name may reach it.
 */
export function ownAddresses(port: number, listenHost: string): ReadonlySet<string> | null {
  if (listenHost === '0.0.0.0' || listenHost === '::') return null;
  const names = new Set(['localhost', '127.0.0.1', '[::1]', listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
  return new Set([...names].map((name) => `${name}:${port}`));
}

export function isOwnHost(req: IncomingMessage, addresses: ReadonlySet<string> | null): boolean {
  return addresses === null || addresses.has(req.headers.host ?? '');
}

export function isStateChanging(req: IncomingMessage): boolean {
  return !SAFE_METHODS.has(req.method ?? 'GET');
}

/** True when the browser says the request comes from a page of the address it is sent to. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return req.headers.host !== undefined && origin === `http://${req.headers.host}`;
  return req.headers['sec-fetch-site'] === 'same-origin';
}
