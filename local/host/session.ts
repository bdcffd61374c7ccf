import type { IncomingMessage } from 'node:http';
import type { JiraEmulator } from '../jira/api';
import type { StoredUser } from '../jira/model';
import type { Principal } from '../jira/permissions';
import type { SiteStore } from '../jira/store';
import { cookies } from './http';
import type { Viewer } from './pages';

const USER_COOKIE = 'pr_user';
const THEME_COOKIE = 'pr_theme';

/**
 * Who is asking: Basic auth (scripts, curl, Jira clients) or the shell's session cookie (the browser). A
 * visitor without a session is nobody until they choose a user, or until the host gives them its default
 * user (`npm start -- --user <email>`): never silently the administrator.
 */
export class Sessions {
  private readonly defaultUser: StoredUser | undefined;

  constructor(private readonly store: SiteStore, private readonly jira: JiraEmulator, defaultUserEmail?: string) {
    this.defaultUser = defaultUserEmail === undefined ? undefined : this.userByEmail(defaultUserEmail);
    if (defaultUserEmail !== undefined && !this.defaultUser) throw new Error(`--user ${defaultUserEmail}: no active user has that email address.`);
  }

  userByEmail(email: unknown): StoredUser | undefined {
    if (typeof email !== 'string' || email === '') return undefined;
    return this.store.data.users.find((u) => u.active && u.emailAddress.toLowerCase() === email.toLowerCase());
  }

  /** The user of the session cookie; undefined without one, and for Basic auth (which is not a session). */
  cookieUser(req: IncomingMessage): StoredUser | undefined {
    return req.headers.authorization ? undefined : this.userByEmail(cookies(req).get(USER_COOKIE));
  }

  principalOf(req: IncomingMessage): Principal {
    if (req.headers.authorization) return this.jira.authenticate(req.headers.authorization);
    const user = this.cookieUser(req);
    return user ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
  }

  /** The shell's visitor, or null when they have yet to choose who to act as. */
  viewerOf(req: IncomingMessage): Viewer | null {
    const user = this.cookieUser(req) ?? this.defaultUser;
    return user ? { user, colorMode: this.colorModeOf(req) } : null;
  }

  colorModeOf(req: IncomingMessage): Viewer['colorMode'] {
    return cookies(req).get(THEME_COOKIE) === 'dark' ? 'dark' : 'light';
  }

  /** Set-Cookie values that start a session as `user` and/or remember a theme. */
  cookiesFor(choice: { user?: StoredUser; theme?: Viewer['colorMode'] }): string[] {
    const attributes = 'Path=/; SameSite=Lax; HttpOnly';
    return [
      ...(choice.user ? [`${USER_COOKIE}=${encodeURIComponent(choice.user.emailAddress)}; ${attributes}`] : []),
      ...(choice.theme ? [`${THEME_COOKIE}=${choice.theme}; ${attributes}`] : []),
    ];
  }
}
