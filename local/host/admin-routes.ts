import { FaultRuleError, parseFaultRule, type FaultInjector } from '../runtime/faults';
import type { RouteFile } from './host-context';
import { isJson, readBody, sendJson } from './http';

/**
 * The local host's admin endpoint for fault injection, so an evaluator (curl) or an out-of-process test can
 * break Jira or KVS for the app while the site runs:
 *   GET /__admin/faults            the rules, with hit counts
 *   POST /__admin/faults           add a rule (JSON body), answers {id}
 *   DELETE /__admin/faults         remove every rule
 *   DELETE /__admin/faults/<id>    remove one rule
 */
export interface AdminAnswer {
  status: number;
  body: unknown;
}

const PREFIX = '/__admin/faults';

/** Answers an admin request, or null when the path is not an admin path (the caller routes it on). */
export async function routeFaultAdmin(method: string, path: string, readBody: () => Promise<string>, faults: FaultInjector): Promise<AdminAnswer | null> {
  if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return null;
  const id = path === PREFIX ? null : decodeURIComponent(path.slice(PREFIX.length + 1));
  if (id === null && method === 'GET') return { status: 200, body: { rules: faults.list() } };
  if (id === null && method === 'POST') return addRule(await readBody(), faults);
  if (id === null && method === 'DELETE') {
    faults.clear();
    return { status: 204, body: undefined };
  }
  if (id !== null && method === 'DELETE') {
    return faults.remove(id) ? { status: 204, body: undefined } : { status: 404, body: { message: `No fault rule '${id}'` } };
  }
  return { status: 405, body: { message: `${method} is not allowed on ${path}` } };
}

function addRule(text: string, faults: FaultInjector): AdminAnswer {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { status: 400, body: { message: 'Body must be a JSON fault rule: {product, method?, path, times?, skip?, delayMs?, effect}' } };
  }
  try {
    return { status: 201, body: { id: faults.add(parseFaultRule(input)) } };
  } catch (e) {
    if (e instanceof FaultRuleError) return { status: 400, body: { message: e.message } };
    throw e;
  }
}

/**
 * The admin endpoint as a route file. A change needs a JSON body: a cross-site page cannot send one without
 * a CORS preflight, which this host never grants.
 */
export const adminRoutes: RouteFile = (router, host) => {
  router.add('*', /^\/__admin\/faults(?:\/.*)?$/, async ({ req, res, url }) => {
    const method = req.method ?? 'GET';
    if (method === 'POST' && !isJson(req)) return sendJson(res, 415, { message: 'Send the fault rule as application/json.' });
    const answer = await routeFaultAdmin(method, url.pathname, () => readBody(req), host.faults);
    if (!answer) return sendJson(res, 404, { message: 'Not found' });
    if (answer.body === undefined) {
      res.writeHead(answer.status).end();
      return;
    }
    sendJson(res, answer.status, answer.body);
  });
};
