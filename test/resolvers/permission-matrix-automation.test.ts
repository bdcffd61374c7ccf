import { createHmac } from 'node:crypto';
import type { LocalSite } from '../../local/host/site';
import type { StoredIssue } from '../../local/jira/model';
import type { Result } from '../../src/shared/contract/common';
import { appEntryPoints } from '../support/app-entry-points';
import { startTestSite, USERS } from '../support/local-site';
import { storedData } from '../support/permission-matrix';
import { ok } from '../support/planning-site';

/**
 * Issue 14, item 4, for the ways in that are not a panel: every Automation action, run by a rule whose actor is
 * viewer@demo.test or outsider@demo.test, and every web trigger, called by someone who does not hold the
 * installation's secret, each with a valid request on a story of PAY and of DATA. Each is refused and changes
 * nothing stored; the same request from someone entitled (a rule run by the lead, a request signed with the
 * secret) is accepted, so the payload was valid and the comparison would see a change.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

async function settle(): Promise<void> {
  await site.events.drain();
  await site.automation.drain();
  await site.events.drain();
}

/** An open story under a feature of the project (what the escalation paths raise on its feature). */
function storyOf(project: string): StoredIssue {
  const byId = new Map(site.store.data.issues.map((i) => [i.id, i]));
  const story = site.store.data.issues.find((i) => i.key.startsWith(`${project}-`) && i.issueTypeId === '10002' && i.statusId !== '10002' && byId.get(i.parentId ?? '')?.issueTypeId === '10001');
  if (!story) throw new Error(`No open story under a feature in ${project}`);
  return story;
}

/** Runs the action once through a rule with this actor (as Jira Automation would); the audit entry's status. */
async function runAction(actionKey: string, inputs: Record<string, string>, actorAccountId: string): Promise<string> {
  const rule = site.automation.rules.add({ name: `matrix ${actionKey}`, trigger: { kind: 'incoming-webhook' }, jql: null, action: { kind: 'app-action', actionKey, inputs }, enabled: true, actorAccountId });
  expect((await fetch(`${site.url}/__automation/webhook/${rule.id}/${rule.webhookToken}`, { method: 'POST', body: '{}' })).status).toBe(200);
  await settle();
  const [entry] = site.automation.rules.auditLog(rule.id);
  return `${entry!.status}: ${entry!.message}`;
}

/** The secret, rotated by the lead on the settings page (the one way anyone learns it). */
async function rotatedSecret(): Promise<string> {
  const call = async <T>(functionKey: string, payload?: unknown): Promise<T> =>
    ok((await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey, payload }, USERS.lead.accountId)) as Result<T>);
  const view = await call<{ secretCreatedAt: string | null }>('settings.escalations.get');
  return (await call<{ secret: string }>('settings.escalations.rotateSecret', { previous: view.secretCreatedAt ?? 'none' })).secret;
}

function signed(secret: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return { 'content-type': 'application/json', 'x-escalation-timestamp': String(timestamp), 'x-escalation-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` };
}

/** Action key -> its valid inputs for an issue. A new action without an entry fails the test below. */
const ACTIONS: Record<string, (issueKey: string) => Record<string, string>> = {
  'escalate-to-leadership': (issueKey) => ({ issueKey, reason: 'Vendor API is down', severity: 'HIGH' }),
};
/** Web trigger key -> a valid body for an issue, and how a holder of a secret signs it. */
const WEB_TRIGGERS: Record<string, { body: (issueKey: string) => string; sign: (secret: string, body: string) => Record<string, string> }> = {
  'escalation-webhook': { body: (issueKey) => JSON.stringify({ issueKey, reason: 'Pager: failover stuck', severity: 'HIGH' }), sign: signed },
};

const { actions, webTriggers } = appEntryPoints();

describe('Automation actions and web triggers in the permission matrix', () => {
  it('has an entry for every action and web trigger manifest.yml declares', () => {
    expect(actions.filter((a) => !(a in ACTIONS))).toEqual([]);
    expect(webTriggers.filter((w) => !(w in WEB_TRIGGERS))).toEqual([]);
    expect(actions.length + webTriggers.length).toBeGreaterThan(0);
  });

  it.each(actions)('action %s refuses a rule run by someone who may not edit the issue, and changes nothing', async (actionKey) => {
    const refusals = [
      { actor: USERS.viewer, project: 'PAY' },
      { actor: USERS.viewer, project: 'DATA' },
      { actor: USERS.outsider, project: 'DATA' },
    ];
    for (const { actor, project } of refusals) {
      const before = storedData(site);
      const outcome = await runAction(actionKey, ACTIONS[actionKey]!(storyOf(project).key), actor.accountId);
      expect({ actor: actor.email, project, outcome }).toEqual({ actor: actor.email, project, outcome: expect.stringMatching(/^FAILURE: .*(permission|does not exist)/) as unknown });
      expect(storedData(site)).toBe(before);
    }
    const before = storedData(site);
    expect(await runAction(actionKey, ACTIONS[actionKey]!(storyOf('PAY').key), USERS.lead.accountId)).toMatch(/^SUCCESS/);
    expect(storedData(site)).not.toBe(before);
  });

  it.each(webTriggers)('web trigger %s refuses a request without the secret on either project, and changes nothing', async (key) => {
    const url = site.events.webTriggers.urlFor(key);
    const secret = await rotatedSecret();
    const entry = WEB_TRIGGERS[key]!;
    for (const project of ['PAY', 'DATA']) {
      const body = entry.body(storyOf(project).key);
      // Unsigned, and signed with a guess: whoever has not been shown the secret.
      for (const headers of [{ 'content-type': 'application/json' }, entry.sign(`${secret}-guessed`, body)]) {
        const before = storedData(site);
        const r = await fetch(url, { method: 'POST', headers, body });
        await settle();
        expect({ project, status: r.status }).toEqual({ project, status: 401 });
        expect(JSON.stringify(await r.json())).not.toContain(secret);
        expect(storedData(site)).toBe(before);
      }
    }
    const body = entry.body(storyOf('DATA').key);
    const before = storedData(site);
    expect((await fetch(url, { method: 'POST', headers: entry.sign(secret, body), body })).status).toBe(202);
    await settle();
    expect(storedData(site)).not.toBe(before);
  });
});
