import type { FaultRule } from '../../local/runtime/faults';
import type { LocalSite } from '../../local/host/site';

/** Breaks a route for the app until the rule runs out or is cleared; returns the rule's id. */
export function injectFault(site: Pick<LocalSite, 'faults'>, rule: FaultRule): string {
  return site.faults.add(rule);
}

/** Removes every injected fault (call it after each test that injects one, so tests stay independent). */
export function clearFaults(site: Pick<LocalSite, 'faults'>): void {
  site.faults.clear();
}

/** The same through the local host's admin endpoint, for a site running in another process. */
export async function injectFaultOverHttp(siteUrl: string, rule: FaultRule): Promise<string> {
  const r = await fetch(`${siteUrl}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
  if (r.status !== 201) throw new Error(`Injecting ${JSON.stringify(rule)} failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}
