import { JiraEmulator, type EmuResponse } from '../../local/jira/api';
import type { Principal } from '../../local/jira/permissions';
import { SiteStore } from '../../local/jira/store';
import { USERS } from './local-site';

/** The Jira emulator on an in-memory demo site, called directly as the host calls it (no HTTP). */
export interface EmulatorHarness {
  store: SiteStore;
  jira: JiraEmulator;
  /** Calls the emulator as a user (the lead, a project administrator, unless told otherwise). */
  call(method: string, path: string, body?: unknown, as?: Principal): Promise<EmuResponse & { json: unknown }>;
}

export const asLead: Principal = { kind: 'user', accountId: USERS.lead.accountId };

export function emulatorOn(store: SiteStore = new SiteStore(null)): EmulatorHarness {
  const jira = new JiraEmulator(store, []);
  return {
    store,
    jira,
    call: async (method, path, body, as = asLead) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const r = await jira.handle(method, `/rest/api/3${path}`, text, as);
      return { ...r, json: r.body ? (JSON.parse(r.body) as unknown) : undefined };
    },
  };
}
