import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `nextPageToken` for /search/jql: opaque to clients, bound to the query it was issued for, and signed with a
 * secret of this process, so a client can neither forge an offset nor reuse a token with another query.
 * Tokens do not survive a restart (Jira's expire too).
 */
const SECRET = randomBytes(32);

const queryHash = (jql: string): string => createHash('sha256').update(jql).digest('base64url');
const sign = (payload: string): Buffer => createHmac('sha256', SECRET).update(payload).digest();

/**
 * The token for the page starting at `offset`, or undefined when it would not move past `previousOffset`
 * (`maxResults=0`): a token that returns the same page would let a client page forever.
 */
export function encodePageToken(offset: number, previousOffset: number, jql: string): string | undefined {
  if (offset <= previousOffset) return undefined;
  const payload = Buffer.from(JSON.stringify({ o: offset, q: queryHash(jql) })).toString('base64url');
  return `${payload}.${sign(payload).toString('base64url')}`;
}

/** The offset a token stands for; null when it is malformed, forged, or issued for another query. */
export function decodePageToken(token: string, jql: string): number | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    return typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o > 0 && parsed.q === queryHash(jql) ? parsed.o : null;
  } catch {
    return null;
  }
}
