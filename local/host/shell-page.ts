import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteStore } from '../jira/store';
import { mime, send } from './http';
import { layout } from './pages';
import type { Sessions } from './session';

/** Sends one of the host's own shell pages (events, Automation); a visitor who has not chosen a user goes to the chooser. */
export function sendShellPage(req: IncomingMessage, res: ServerResponse, url: URL, deps: { sessions: Sessions; store: SiteStore }, title: string, body: string): void {
  const viewer = deps.sessions.viewerOf(req);
  if (!viewer) {
    res.writeHead(303, { location: `/__local/login?back=${encodeURIComponent(url.pathname)}` }).end();
    return;
  }
  send(res, 200, layout(viewer, deps.store.data, title, body), mime('.html'));
}
