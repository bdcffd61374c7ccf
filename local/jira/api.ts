import { SiteAccess } from './access';
import type { ChangeFeed } from './changes';
import { HttpError, INVALID_PAYLOAD, json, type Ctx, type EmuResponse, type Handler, type Register } from './http';
import { JqlError, type EntityPropertyAlias } from './jql';
import { withKeyedRecords } from './model';
import type { Principal } from './permissions';
import { commentRoutes } from './routes/comments';
import { issueLinkRoutes } from './routes/issue-links';
import { issuePropertyRoutes } from './routes/issue-properties';
import { issueRoutes } from './routes/issues';
import { projectRoutes } from './routes/projects';
import { searchRoutes } from './routes/search';
import { transitionRoutes } from './routes/transitions';
import { userRoutes } from './routes/users';
import { versionRoutes } from './routes/versions';
import type { SiteStore } from './store';

export type { EmuResponse } from './http';
export { PROPERTY_VALUE_MAX_BYTES } from './routes/issue-properties';

/**
 * Jira Cloud REST v3 emulator: the subset of the public API the app and its tools use, with Jira's status
 * codes, error bodies and permission behaviour. Pure request -> response: the HTTP server and the Forge
 * backend shim both call `handle`. The routes live per resource in ./routes; this class does what every
 * request shares: authentication, route matching, body parsing and error bodies.
 */
const ROUTE_FILES: Array<(r: Register, s: SiteAccess) => void> = [userRoutes, projectRoutes, issueLinkRoutes, issueRoutes, commentRoutes, issuePropertyRoutes, searchRoutes, transitionRoutes, versionRoutes];

export class JiraEmulator {
  private readonly routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  private readonly access: SiteAccess;
  private readonly store: SiteStore;

  /** `appIsCalling` tells whether the app's code is running, so its writes are attributed to the app (ignoreSelf). */
  constructor(store: SiteStore, aliases: EntityPropertyAlias[], now: () => Date = () => new Date(), appIsCalling?: () => boolean) {
    // Stored JSON gives user-keyed records a prototype again; rebuild them before any request reads them.
    withKeyedRecords(store.data);
    this.store = store;
    this.access = new SiteAccess(store, aliases, now, appIsCalling);
    const register: Register = (method, path, handler) => {
      const pattern = new RegExp(`^/rest/api/3${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      this.routes.push({ method, pattern, handler });
    };
    for (const routes of ROUTE_FILES) routes(register, this.access);
  }

  /** Every committed write, in order (Forge product events and local Automation listen here). */
  get changes(): ChangeFeed {
    return this.access.changes;
  }

  /** Jira Cloud's Basic auth: a user's email and an API token (any non-empty token here). */
  authenticate(authorization: string | undefined | null): Principal {
    if (!authorization?.startsWith('Basic ')) return { kind: 'anonymous' };
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep < 1 || sep === decoded.length - 1) return { kind: 'anonymous' };
    const email = decoded.slice(0, sep).toLowerCase();
    const user = this.access.site.users.find((u) => u.emailAddress.toLowerCase() === email && u.active);
    return user ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
  }

  async handle(method: string, pathAndQuery: string, bodyText: string | undefined, principal: Principal): Promise<EmuResponse> {
    const url = new URL(pathAndQuery, 'http://jira.local');
    const path = url.pathname.replace(/\/+$/, '');
    if (principal.kind === 'anonymous') {
      return json(401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
    }
    let allowed = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      allowed = true;
      if (route.method !== method.toUpperCase()) continue;
      try {
        const ctx: Ctx = { principal, url, body: parseBody(bodyText), params: m.slice(1).map(decodePathSegment) };
        const response = await route.handler(ctx);
        await this.store.durable(); // a write is acknowledged only once it is on disk
        return response;
      } catch (e) {
        if (e instanceof HttpError) return json(e.status, { errorMessages: e.errorMessages, errors: e.errors });
        if (e instanceof JqlError) return json(400, { errorMessages: [e.message], errors: {} });
        throw e;
      }
    }
    if (allowed) return { status: 405, headers: {}, body: '' };
    return json(404, { errorMessages: [`No REST endpoint at ${path} in the Jira emulator.`], errors: {} });
  }
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, [`Malformed percent-encoding in the path: '${segment}'.`]);
  }
}

function parseBody(bodyText: string | undefined): unknown {
  if (!bodyText || bodyText.length === 0) return undefined;
  try {
    return JSON.parse(bodyText);
  } catch {
    throw new HttpError(400, [INVALID_PAYLOAD]);
  }
}
