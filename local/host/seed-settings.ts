import { KvsProjectSettingsStore } from '../../src/adapters/kvs/kvs-project-settings-store';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/project-settings';
import type { SiteStore } from '../jira/store';
import { DEMO_USERS } from '../jira/seed-users';
import { runInvocation } from '../runtime/forge-runtime';

/**
 * The demo's app settings, written through the app's own KVS adapter (which owns the key scheme):
 * Arjun Architect approves specs in every project.
 */
export async function seedDemoSettings(store: SiteStore): Promise<void> {
  const settings = new KvsProjectSettingsStore();
  const architect = { accountId: DEMO_USERS.architect.accountId, displayName: DEMO_USERS.architect.name };
  await runInvocation({ moduleKey: 'seed', accountId: null }, async () => {
    for (const project of store.data.projects) {
      await settings.save(project.key, { ...DEFAULT_PROJECT_SETTINGS, architects: [architect] });
    }
  });
}
