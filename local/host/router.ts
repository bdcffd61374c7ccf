import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path pattern's capture groups, URL-decoded where the route asked for it. */
  params: string[];
}

export type RouteHandler = (r: RouteRequest) => void | Promise<void>;

/**
 * The host's router: route files add (method, path pattern, handler) rows; the first row whose pattern and
 * method match handles the request ('*' matches any method). A path that matches only with another method is a 405; a path that
 * matches nothing goes to the fallback (the shell's 404 page).
 */
export class Router {
  private readonly routes: Array<{ method: string; pattern: RegExp; handler: RouteHandler }> = [];
  private fallback: RouteHandler = ({ res }) => {
    res.writeHead(404).end();
  };

  add(method: string, pattern: RegExp | string, handler: RouteHandler): this {
    this.routes.push({ method, pattern: typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pattern, handler });
    return this;
  }

  otherwise(handler: RouteHandler): this {
    this.fallback = handler;
    return this;
  }

  async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method === method || route.method === '*') return route.handler({ req, res, url, params: m.slice(1) });
    }
    if (pathMatched) {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    return this.fallback({ req, res, url, params: [] });
  }
}
