import { join } from 'node:path';
import { startLocalSite, type LocalSite } from '../../local/host/site';
import type { EventRuntimeOptions } from '../../local/runtime/events/event-runtime';
import { resetSeen, seen, type Seen } from '../fixtures/events-app/src/log';
import { basicAuth } from './local-site';
import { ROOT } from './paths';

/**
 * The events fixture app (test/fixtures/events-app) on a fresh in-memory demo site. Platform seconds are
 * shrunk to 1 ms so retries and delays run at once; `seen` is what the fixture's functions received.
 */
export const EVENTS_APP = join(ROOT, 'test', 'fixtures', 'events-app');

export async function startEventsSite(events: EventRuntimeOptions = {}): Promise<LocalSite> {
  resetSeen();
  return startLocalSite({ root: EVENTS_APP, port: 0, dataDir: null, scopeIndex: null, events: { secondsToMs: 1, ...events } });
}

export { seen, type Seen };

export interface EventsSiteHarness {
  site: LocalSite;
  /** Replaces the test's site by one started with other event options. */
  restart(events?: EventRuntimeOptions): Promise<void>;
}

/** A fresh events site for each test of the calling file (beforeEach/afterEach), closed afterwards. */
export function useEventsSite(): EventsSiteHarness {
  const harness: EventsSiteHarness = {
    site: undefined as unknown as LocalSite,
    restart: async (events) => {
      await harness.site.close();
      harness.site = await startEventsSite(events);
    },
  };
  beforeEach(async () => {
    harness.site = await startEventsSite();
  });
  afterEach(async () => {
    await harness.site?.close();
  });
  return harness;
}

/** What one fixture function received, optionally for one module. */
export const seenBy = (fn: string, moduleKey?: string): Seen[] => seen.filter((s) => s.fn === fn && (moduleKey === undefined || s.moduleKey === moduleKey));

/** A shell page as a signed-in demo user (the session cookie). */
export async function shellPage(site: LocalSite, email: string, path: string): Promise<string> {
  return (await fetch(`${site.url}${path}`, { headers: { cookie: `pr_user=${encodeURIComponent(email)}` } })).text();
}

/** A REST call to the site as a demo user (Basic auth), as a script or the shell would make it. */
export async function rest(site: LocalSite, email: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${site.url}${path}`, {
    method,
    headers: { authorization: basicAuth(email), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
