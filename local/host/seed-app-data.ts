import { asApp } from '@forge/api';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import { JiraContextStatusPublisher } from '../../src/adapters/jira/jira-context-status';
import { KvsProjectSettingsStore } from '../../src/adapters/kvs/kvs-project-settings-store';
import { contextStatusFor, type PlanningRecord } from '../../src/domain/planning-record/model';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/project-settings/project-settings';
import type { SiteStore } from '../jira/store';
import { DEMO_USERS } from '../jira/seed-users';
import { runInvocation } from '../runtime/forge-runtime';

/**
 * The demo's app data, written through the app's own adapters (which own key schemes and formats), as the
 * app: Arjun Architect approves specs in every project, and each seeded planning record's spec status is
 * published for the side panel's lozenge.
 */
export async function seedAppData(store: SiteStore, what: { settings: boolean; contextStatuses: boolean }): Promise<void> {
  await runInvocation({ moduleKey: 'seed', accountId: null }, async () => {
    if (what.settings) {
      const settings = new KvsProjectSettingsStore();
      const architect = { accountId: DEMO_USERS.architect.accountId, displayName: DEMO_USERS.architect.name };
      for (const project of store.data.projects) await settings.save(project.key, { ...DEFAULT_PROJECT_SETTINGS, architects: [architect] });
    }
    if (what.contextStatuses) {
      const publisher = new JiraContextStatusPublisher(new JiraClient(asApp().requestJira));
      for (const issue of store.data.issues) {
        const record = issue.properties['planning-readiness'] as PlanningRecord | undefined;
        if (record) await publisher.publish(issue.key, contextStatusFor(record.spec.status));
      }
    }
  });
}
