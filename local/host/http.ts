import type { IncomingMessage, ServerResponse } from 'node:http';

/** HTTP plumbing shared by the host's route files. */
export class HostError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const MIME_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

/** Forge's limit for a resolver invocation's payload; the host applies it to every request body. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The request body as text. An oversize body is read to its end and dropped before the 413 goes out, so the
 * client, still sending, gets the answer instead of a connection reset; only the limit is ever buffered.
 */
/** The content type for a file extension, such as `.js`. */
export function mime(extension: string): string {
  return Object.hasOwn(MIME_TYPES, extension) ? MIME_TYPES[extension]! : 'application/octet-stream';
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => {
      if (size > limit) reject(new HostError(413, `Request body too large: the limit is ${limit} bytes`));
      else resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** The request's JSON body; a 400 when it is not JSON. */
export async function readJson(req: IncomingMessage, expected: string): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HostError(400, `Body must be JSON: ${expected}`);
  }
}

/** True when the request declares a JSON body (`application/json`, with or without parameters). */
export function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The request's cookies by name; a malformed value is skipped, and a name like `__proto__` is just a name. */
export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (!k) continue;
    try {
      out.set(k, decodeURIComponent(v.join('=')));
    } catch {
      // A malformed percent-encoding: the cookie is not ours.
    }
  }
  return out;
}

export function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => send(res, status, JSON.stringify(body), 'application/json');

/** A URL path segment, decoded; a malformed percent-encoding is the client's error (400), not the host's. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HostError(400, `Malformed percent-encoding: '${segment}'`);
  }
}
