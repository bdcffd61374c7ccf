import type { JiraEmulator } from '../jira/api';
import type { SiteStore } from '../jira/store';
import type { SiteEvents } from '../runtime/events/event-runtime';
import type { FaultInjector } from '../runtime/faults';
import type { LoadedManifest } from '../runtime/manifest';
import type { Automation } from './automation/automation';
import type { Modules } from './modules';
import type { Router } from './router';
import type { Sessions } from './session';

/** What the host's route files share. */
export interface HostContext {
  root: string;
  manifest: LoadedManifest;
  store: SiteStore;
  jira: JiraEmulator;
  sessions: Sessions;
  modules: Modules;
  events: SiteEvents;
  automation: Automation;
  faults: FaultInjector;
}

/** A route file: adds its routes to the router. */
export type RouteFile = (router: Router, host: HostContext) => void;
