import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import { rest } from './events-site';
import { indexed, lead, property, unique, type WritePath } from './fault-matrix';
import { USERS } from './local-site';
import { readProperty } from './planning-site';

/** The escalations' write path (issue 12) for the fault matrix: the Automation action "Escalate to technical leadership". */
interface StoredImpediments {
  impediments: Array<{ cause: string; status: string; source: { key: string } }>;
}

const impedimentsOf = async (site: LocalSite, key: string): Promise<StoredImpediments['impediments']> =>
  ((await readProperty(site, key, 'planning-readiness-impediments')) as StoredImpediments | undefined)?.impediments ?? [];

/** A new PAY feature with a story under it, so each case escalates onto a feature of its own. */
async function featureWithStory(site: LocalSite): Promise<{ feature: string; story: string }> {
  const create = async (fields: Record<string, unknown>): Promise<string> => {
    const r = await rest(site, USERS.lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, ...fields } });
    if (r.status !== 201) throw new Error(`Creating an issue failed: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { key: string }).key;
  };
  const feature = await create({ issuetype: { name: 'Feature' }, summary: unique('Fault matrix feature') });
  const story = await create({ issuetype: { name: 'Story' }, summary: unique('Fault matrix story'), parent: { key: feature } });
  await site.events.drain();
  return { feature, story };
}

/** Runs the rule once, as Automation does, and reads its outcome from the rule's audit log. */
async function runRule(site: LocalSite, rule: { id: string; webhookToken: string }): Promise<Result<unknown>> {
  const r = await fetch(`${site.url}/__automation/webhook/${rule.id}/${rule.webhookToken}`, { method: 'POST', body: '{}' });
  if (r.status !== 200) throw new Error(`The rule's webhook answered ${r.status}`);
  await site.automation.drain();
  await site.events.drain();
  const [entry] = site.automation.rules.auditLog(rule.id);
  if (entry?.status === 'SUCCESS') return { ok: true, data: entry.message };
  // The action's errors fail the rule; it says what the app said, after "Could not escalate KEY:".
  return { ok: false, error: { code: 'UNAVAILABLE', message: entry?.message ?? 'the rule did not run' } };
}

export const ESCALATION_WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'escalations: escalate (Automation action)',
    jira: property('planning-readiness-impediments'),
    kvs: { path: '/api/v1/set' },
    prepare: async (site) => {
      const { feature, story } = await featureWithStory(site);
      const rule = site.automation.rules.add({
        name: 'Fault matrix: escalate',
        enabled: true,
        actorAccountId: lead,
        trigger: { kind: 'incoming-webhook' },
        jql: null,
        action: { kind: 'app-action', actionKey: 'escalate-to-leadership', inputs: { issueKey: story, reason: 'Escalated under a fault', severity: 'critical' } },
      });
      const escalated = async () => (await impedimentsOf(site, feature)).filter((i) => i.cause === 'ESCALATED' && i.source.key === story);
      return {
        run: () => runRule(site, rule),
        landed: async () => (await escalated()).length,
        consistent: async () => {
          const open = (await impedimentsOf(site, feature)).filter((i) => i.status === 'OPEN').length;
          await indexed(site, feature, { openImpediments: open });
        },
      };
    },
  },
];
