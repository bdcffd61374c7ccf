import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSite, type LocalSite } from '../../local/host/site';
import { EVENTS_APP, rest, seenBy, shellPage, useEventsSite } from '../support/events-site';
import { USERS } from '../support/local-site';

/** Local Jira Automation rules running the fixture app's action, web requests and incoming webhooks. */
const harness = useEventsSite();
const flag = { fields: { customfield_10021: [{ value: 'Impediment' }] } };
const escalateOnFlag = {
  name: 'When an issue is flagged, escalate to technical leadership',
  trigger: { kind: 'issue-flagged' },
  jql: 'project = PAY AND issuetype = Story',
  action: { kind: 'app-action', actionKey: 'escalate-action', inputs: { issueKey: '{{issue.key}}', reason: '{{issue.summary}} flagged by {{initiator.accountId}}' } },
};

async function createRule(body: unknown, email: string = USERS.lead.email): Promise<Response> {
  return rest(harness.site, email, 'POST', '/__local/automation/rules', body);
}

async function settle(): Promise<void> {
  await harness.site.events.drain();
  await harness.site.automation.drain();
}


describe('a rule that runs an app action', () => {
  it('runs the action as the rule actor when an issue is flagged, with smart values, and logs success', async () => {
    const rule = (await (await createRule(escalateOnFlag)).json()) as { id: string };
    expect((await rest(harness.site, USERS.architect.email, 'PUT', '/rest/api/3/issue/PAY-3', flag)).status).toBe(204);
    await settle();
    const [call] = seenBy('onAction');
    const summary = harness.site.store.data.issues.find((i) => i.key === 'PAY-3')!.summary;
    expect(call!.payload).toMatchObject({ issueKey: 'PAY-3', reason: `${summary} flagged by ${USERS.architect.accountId}` });
    expect(call!.accountId).toBe(USERS.lead.accountId); // the rule's actor, not the person who flagged
    const property = await rest(harness.site, USERS.lead.email, 'GET', '/rest/api/3/issue/PAY-3/properties/fixture-escalation');
    expect(property.status).toBe(200);
    expect(harness.site.automation.rules.auditLog(rule.id)).toEqual([expect.objectContaining({ issueKey: 'PAY-3', status: 'SUCCESS' })]);
  });

  it('does nothing for an issue outside its JQL condition, and says so in the audit log', async () => {
    const rule = (await (await createRule(escalateOnFlag)).json()) as { id: string };
    await rest(harness.site, USERS.lead.email, 'PUT', '/rest/api/3/issue/DATA-3', flag);
    await rest(harness.site, USERS.lead.email, 'PUT', '/rest/api/3/issue/PAY-3', { fields: { labels: ['not-a-flag'] } });
    await settle();
    expect(seenBy('onAction')).toHaveLength(0);
    expect(harness.site.automation.rules.auditLog(rule.id)).toEqual([expect.objectContaining({ issueKey: 'DATA-3', status: 'NO_ACTIONS_PERFORMED' })]);
  });

  it('does not run while disabled, and runs again once enabled', async () => {
    const rule = (await (await createRule(escalateOnFlag)).json()) as { id: string };
    expect((await rest(harness.site, USERS.lead.email, 'POST', `/__local/automation/rules/${rule.id}/enabled`, { enabled: false })).status).toBe(200);
    await rest(harness.site, USERS.lead.email, 'PUT', '/rest/api/3/issue/PAY-3', flag);
    await settle();
    expect(seenBy('onAction')).toHaveLength(0);
    await rest(harness.site, USERS.lead.email, 'POST', `/__local/automation/rules/${rule.id}/enabled`, { enabled: true });
    const story = harness.site.store.data.issues.find((i) => i.key.startsWith('PAY-') && i.key !== 'PAY-3' && i.issueTypeId === '10002' && !i.flagged)!;
    await rest(harness.site, USERS.lead.email, 'PUT', `/rest/api/3/issue/${story.key}`, flag);
    await settle();
    expect(seenBy('onAction').map((s) => s.payload.issueKey)).toEqual([story.key]);
  });

  it("logs the action's errors, and a missing required input, as failures", async () => {
    const hook = (await (await createRule({ ...escalateOnFlag, trigger: { kind: 'incoming-webhook' }, jql: null, action: { ...escalateOnFlag.action, inputs: { issueKey: '{{webhookData.key}}' } } })).json()) as { id: string; webhookToken: string };
    const answer = await fetch(`${harness.site.url}/__automation/webhook/${hook.id}/${hook.webhookToken}`, { method: 'POST', body: JSON.stringify({ data: { key: 'NOPE-1' } }) });
    expect(answer.status).toBe(200);
    await fetch(`${harness.site.url}/__automation/webhook/${hook.id}/${hook.webhookToken}`, { method: 'POST', body: JSON.stringify({ data: {} }) });
    await settle();
    const statuses = harness.site.automation.rules.auditLog(hook.id).map((e) => [e.status, e.message]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['FAILURE', expect.stringContaining('Could not escalate NOPE-1: Jira answered 404') as string],
        ['FAILURE', 'Missing required input: Issue key'],
      ]),
    );
    expect((await fetch(`${harness.site.url}/__automation/webhook/${hook.id}/0000`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('a rule that sends a web request', () => {
  let receiver: Server;
  const bodies: string[] = [];
  beforeEach(async () => {
    bodies.length = 0;
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('posts to a loopback URL with smart values when an issue is created, and refuses other hosts', async () => {
    const port = (receiver.address() as { port: number }).port;
    await createRule({ name: 'Tell the local hook', trigger: { kind: 'issue-created' }, jql: null, action: { kind: 'web-request', url: `http://127.0.0.1:${port}/hook`, body: '{"key":"{{issue.key}}"}' } });
    const outside = (await (await createRule({ name: 'Tell the world', trigger: { kind: 'issue-created' }, jql: null, action: { kind: 'web-request', url: 'http://example.com/hook' } })).json()) as { id: string };
    const created = (await (await rest(harness.site, USERS.lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'New' } })).json()) as { key: string };
    await settle();
    expect(bodies).toEqual([JSON.stringify({ key: created.key })]);
    expect(harness.site.automation.rules.auditLog(outside.id)[0]).toMatchObject({ status: 'FAILURE', message: expect.stringContaining('loopback') as string });
  });
});

describe('managing rules', () => {
  it('lets only project administrators create rules, from a valid JSON body', async () => {
    expect((await createRule(escalateOnFlag, USERS.viewer.email)).status).toBe(403);
    expect((await createRule({ ...escalateOnFlag, trigger: { kind: 'issue-exploded' } })).status).toBe(400);
    expect((await createRule({ ...escalateOnFlag, action: { kind: 'app-action', actionKey: 'no-such-action', inputs: {} } })).status).toBe(400);
    const form = await fetch(`${harness.site.url}/__local/automation/rules`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${USERS.lead.email}:t`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(form.status).toBe(415);
    expect(harness.site.automation.rules.list()).toHaveLength(0);
  });

  it('shows the rules and their audit log on the Automation page', async () => {
    await createRule(escalateOnFlag);
    await rest(harness.site, USERS.lead.email, 'PUT', '/rest/api/3/issue/PAY-3', flag);
    await settle();
    const html = await shellPage(harness.site, USERS.lead.email, '/__local/automation');
    expect(html).toContain('When an issue is flagged, escalate to technical leadership');
    expect(html).toContain('Escalate to technical leadership (issueKey = {{issue.key}}');
    expect(html).toContain('SUCCESS');
  });
});

describe('rules across restarts', () => {
  it('keeps the rules (and their webhook secrets) in the data folder; --reset forgets them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'events-rules-'));
    const start = (reset: boolean): Promise<LocalSite> => startLocalSite({ root: EVENTS_APP, port: 0, dataDir, reset, scopeIndex: null });
    try {
      let site = await start(false);
      const created = (await (await rest(site, USERS.lead.email, 'POST', '/__local/automation/rules', { ...escalateOnFlag, trigger: { kind: 'incoming-webhook' } })).json()) as { id: string; webhookToken: string };
      await rest(site, USERS.lead.email, 'POST', `/__local/automation/rules/${created.id}/enabled`, { enabled: false });
      await site.close();
      site = await start(false);
      expect(site.automation.rules.list()).toEqual([expect.objectContaining({ id: created.id, webhookToken: created.webhookToken, enabled: false })]);
      await site.close();
      site = await start(true);
      expect(site.automation.rules.list()).toEqual([]);
      await site.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
