import type { JiraEmulator } from '../../jira/api';
import type { SiteData } from '../../jira/model';
import type { LoadedManifest } from '../manifest';
import type { AppFunctions, FunctionHandler } from './app-functions';
import { AsyncEvents } from './async-events';
import { DeliveryQueue } from './delivery';
import { installPlatformFetch } from './platform-fetch';
import { deliverProductEvents } from './product-triggers';
import { ScheduledTriggers, type ScheduledRun } from './scheduled-triggers';
import { WebTriggers } from './web-triggers';

/**
 * The event side of the offline Forge runtime, composed: product events to triggers, scheduled triggers, web
 * triggers and the async event queue, all sharing one delivery queue so `drain()` waits for everything.
 */
export interface EventRuntimeOptions {
  /** Seconds of platform time (retry delays, push delays, schedule intervals) in milliseconds; 1000 by default. */
  secondsToMs?: number;
  /** Delivers every event twice and each batch in reverse order (tests of idempotent handlers). */
  chaos?: boolean;
  /** Runs scheduled triggers on their intervals (`npm start`); tests run them with `runScheduled`. */
  schedule?: boolean;
  /** Projects whose events the app does not get, as when the app's user cannot browse them. */
  appHiddenProjectKeys?: string[];
}

export interface SiteEvents {
  /** How the app's functions are called (shared with local Automation's actions). */
  app: AppFunctions;
  queue: DeliveryQueue;
  scheduled: ScheduledTriggers;
  webTriggers: WebTriggers;
  asyncEvents: AsyncEvents;
  /** Resolves when no event is queued, running or waiting for a retry. */
  drain(): Promise<void>;
  runScheduled(moduleKey: string): Promise<ScheduledRun>;
  setChaos(on: boolean): void;
  /** Takes no more events; resolves when the handlers running now are done. */
  stop(): Promise<void>;
}

export function startEventRuntime(
  deps: { manifest: LoadedManifest; jira: JiraEmulator; site: () => SiteData; handlerFor: (functionKey: string) => FunctionHandler; siteUrl: () => string },
  options: EventRuntimeOptions = {},
): SiteEvents {
  const { manifest } = deps;
  const modules = manifest.events;
  const app = { cloudId: deps.site().cloudId, handlerFor: deps.handlerFor, timeouts: modules.functionTimeouts };
  const queue = new DeliveryQueue({ secondsToMs: options.secondsToMs, chaos: options.chaos });
  const hidden = new Set((options.appHiddenProjectKeys ?? []).map((k) => k.toUpperCase()));
  const unsubscribe = deliverProductEvents({
    feed: deps.jira.changes,
    site: deps.site,
    triggers: modules.triggers,
    queue,
    app,
    appCanSeeProject: (projectId) => !hidden.has(deps.site().projects.find((p) => p.id === projectId)?.key ?? ''),
  });
  const scheduled = new ScheduledTriggers(modules.scheduledTriggers, app, options.secondsToMs);
  if (options.schedule) scheduled.start();
  const webTriggers = new WebTriggers(modules.webTriggers, app, manifest.appId, deps.siteUrl);
  const asyncEvents = new AsyncEvents(modules.consumers, app, queue);
  installPlatformFetch({ webTriggers, asyncEvents });
  return {
    app,
    queue,
    scheduled,
    webTriggers,
    asyncEvents,
    // Changes are emitted once on disk, and handlers may write again: wait until both are quiet.
    drain: async () => {
      do {
        await deps.jira.changes.settled();
        await queue.drain();
      } while (deps.jira.changes.hasPending());
    },
    runScheduled: (key) => scheduled.runNow(key),
    setChaos: (on) => queue.setChaos(on),
    stop: async () => {
      unsubscribe();
      scheduled.stop();
      await queue.stop();
    },
  };
}
