import type { IncomingMessage } from 'node:http';
import type { JiraEmulator } from '../jira/api';
import type { StoredUser } from '../jira/model';
import type { Principal } from '../jira/permissions';
import type { SiteStore } from '../jira/store';
import { cookies } from './http';
import type { Viewer } from './pages';

/** Who is asking: Basic auth (scripts, curl, Jira clients) or the shell's session cookie (the browser). */
export class Sessions {
  constructor(private readonly store: SiteStore, private readonly jira: JiraEmulator) {}

  userByEmail(email: string | undefined): StoredUser | undefined {
    return email ? this.store.data.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase()) : undefined;
  }

  principalOf(req: IncomingMessage): Principal {
    if (req.headers.authorization) return this.jira.authenticate(req.headers.authorization);
    const user = this.userByEmail(cookies(req).pr_user);
    return user ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
  }

  viewerOf(req: IncomingMessage): Viewer {
    const c = cookies(req);
    const user = this.userByEmail(c.pr_user) ?? this.store.data.users[0]!;
    return { user, colorMode: c.pr_theme === 'dark' ? 'dark' : 'light' };
  }
}
