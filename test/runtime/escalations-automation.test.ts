import { createHmac } from 'node:crypto';
import type { LocalSite } from '../../local/host/site';
import type { StoredIssue } from '../../local/jira/model';
import { rest } from '../support/events-site';
import { startTestSite, USERS } from '../support/local-site';
import { readProperty } from '../support/planning-site';

/**
 * The two ways other systems escalate: a Jira Automation rule running the app's action "Escalate to technical
 * leadership" as the rule's user, and the signed web trigger. Both raise an ESCALATED impediment on the
 * owning feature; every failure comes back in the caller's format and changes nothing.
 */
let site: LocalSite;
beforeEach(async () => {
  site = await startTestSite({ events: { secondsToMs: 1 } });
});
afterEach(async () => {
  await site.close();
});

interface StoredRecord {
  impediments: Array<{ cause: string; status: string; detail: string | null; severity: string; source: { key: string }; raisedBy: string | null }>;
}

const byId = (id: string | null): StoredIssue | undefined => site.store.data.issues.find((i) => i.id === id);
function storyUnderFeature(project = 'PAY'): { story: StoredIssue; feature: StoredIssue } {
  for (const story of site.store.data.issues) {
    const feature = byId(story.parentId);
    if (story.key.startsWith(`${project}-`) && story.issueTypeId === '10002' && story.statusId !== '10002' && !story.flagged && feature?.issueTypeId === '10001') return { story, feature };
  }
  throw new Error('no story under a feature');
}

const escalations = async (key: string): Promise<StoredRecord['impediments']> =>
  (((await readProperty(site, key, 'planning-readiness-impediments')) as StoredRecord | undefined)?.impediments ?? []).filter((i) => i.cause === 'ESCALATED');

async function settle(): Promise<void> {
  await site.events.drain();
  await site.automation.drain();
  await site.events.drain();
}

const escalateRule = (inputs: Record<string, string>) => ({
  name: 'When: issue flagged -> Escalate to technical leadership',
  trigger: { kind: 'issue-flagged' } as const,
  jql: 'issuetype = Story',
  action: { kind: 'app-action' as const, actionKey: 'escalate-to-leadership', inputs },
});

/** A rule made by the lead (an administrator) on the Automation page; its actor is the lead. */
async function createRule(body: unknown): Promise<{ id: string; webhookToken: string }> {
  const r = await rest(site, USERS.lead.email, 'POST', '/__local/automation/rules', body);
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string; webhookToken: string };
}

/** A rule whose actor is another user (in Jira an admin may set the rule actor). */
function ruleActingAs(rule: ReturnType<typeof escalateRule>, accountId: string): { id: string; webhookToken: string } {
  return site.automation.rules.add({ ...rule, enabled: true, actorAccountId: accountId, trigger: { kind: 'incoming-webhook' }, jql: null });
}

describe('the Automation action "Escalate to technical leadership"', () => {
  it('runs as the rule actor when an issue is flagged and escalates it to its feature, once', async () => {
    const rule = await createRule(escalateRule({ issueKey: '{{issue.key}}', reason: 'Flagged: {{issue.summary}}', severity: 'critical' }));
    const { story, feature } = storyUnderFeature();
    await rest(site, USERS.architect.email, 'PUT', `/rest/api/3/issue/${story.key}`, { fields: { customfield_10021: [{ value: 'Impediment' }] } });
    await settle();
    expect(site.automation.rules.auditLog(rule.id)).toEqual([expect.objectContaining({ issueKey: story.key, status: 'SUCCESS' })]);
    expect(await escalations(feature.key)).toEqual([
      expect.objectContaining({ status: 'OPEN', severity: 'CRITICAL', detail: `Flagged: ${story.summary}`, raisedBy: USERS.lead.accountId, source: expect.objectContaining({ key: story.key }) as unknown }),
    ]);
    // The rule runs again (the issue is flagged again after an unflag): still one open escalation.
    await rest(site, USERS.architect.email, 'PUT', `/rest/api/3/issue/${story.key}`, { fields: { customfield_10021: null } });
    await rest(site, USERS.architect.email, 'PUT', `/rest/api/3/issue/${story.key}`, { fields: { customfield_10021: [{ value: 'Impediment' }] } });
    await settle();
    expect(await escalations(feature.key)).toHaveLength(1);
    expect(await readProperty(site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 2 } });
  });

  it.each([
    ['an issue that does not exist', { issueKey: 'PAY-99999' }, USERS.lead.accountId, 'Could not escalate PAY-99999: Issue PAY-99999 does not exist'],
    ['an issue key that is not one', { issueKey: 'not a key' }, USERS.lead.accountId, 'Escalate to technical leadership: issueKey: an issue key such as PAY-12'],
    ['an unknown severity', { issueKey: 'PAY-3', severity: 'urgent' }, USERS.lead.accountId, 'Escalate to technical leadership: severity: one of CRITICAL, HIGH, MEDIUM, LOW'],
    ['a rule actor who may not edit the issue', { issueKey: 'PAY-3' }, USERS.viewer.accountId, 'Could not escalate PAY-3: You need permission to edit PAY-3 to escalate it.'],
  ])("fails the rule in Automation's format for %s", async (_name, inputs, actor, message) => {
    const rule = ruleActingAs(escalateRule(inputs), actor);
    expect((await fetch(`${site.url}/__automation/webhook/${rule.id}/${rule.webhookToken}`, { method: 'POST', body: '{}' })).status).toBe(200);
    await settle();
    const [entry] = site.automation.rules.auditLog(rule.id);
    expect(entry).toMatchObject({ status: 'FAILURE' });
    expect(entry!.message).toContain(message);
    expect(await escalations('PAY-2')).toEqual([]);
  });
});

describe('the signed web trigger', () => {
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['log', 'info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  const settings = (functionKey: string, email: string, payload?: unknown) =>
    site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey, ...(payload === undefined ? {} : { payload }) }, Object.values(USERS).find((u) => u.email === email)!.accountId) as Promise<{
      ok: boolean;
      data?: Record<string, unknown>;
      error?: { code: string };
    }>;

  /** Rotates the secret as the lead, as the settings page does: naming the secret the page showed. */
  async function setUp(): Promise<{ secret: string; url: string }> {
    const view = await settings('settings.escalations.get', USERS.lead.email);
    const rotated = await settings('settings.escalations.rotateSecret', USERS.lead.email, { previous: (view.data!.secretCreatedAt as string | null) ?? 'none' });
    return { secret: rotated.data!.secret as string, url: view.data!.webTriggerUrl as string };
  }

  const sign = (secret: string, timestamp: number, body: string): Record<string, string> => ({
    'content-type': 'application/json',
    'x-escalation-timestamp': String(timestamp),
    'x-escalation-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  });
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);

  it('escalates on a valid signature, refuses the same request again, and never shows or logs the secret afterwards', async () => {
    const { secret, url } = await setUp();
    const { story, feature } = storyUnderFeature('DATA');
    const body = JSON.stringify({ issueKey: story.key, reason: 'Pager: database failover stuck', severity: 'HIGH' });
    const headers = sign(secret, nowSeconds(), body);
    const first = await fetch(url, { method: 'POST', headers, body });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ ok: true, issueKey: story.key, owner: feature.key, raised: true });
    expect(await escalations(feature.key)).toEqual([expect.objectContaining({ detail: 'Pager: database failover stuck', raisedBy: null })]);

    const replay = await fetch(url, { method: 'POST', headers, body });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toEqual({ error: { code: 'REPLAYED', message: expect.any(String) as unknown } });

    const view = await settings('settings.escalations.get', USERS.lead.email);
    expect(view.data!.secretCreatedAt).toEqual(expect.any(String));
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(logged.filter((l) => l.includes(secret))).toEqual([]);
  });

  it.each([
    ['a wrong signature', (s: string, b: string) => sign(`${s}x`, nowSeconds(), b), 401, 'BAD_SIGNATURE'],
    ['a stale timestamp', (s: string, b: string) => sign(s, nowSeconds() - 301, b), 401, 'STALE_REQUEST'],
    ['a missing signature header', (s: string, b: string) => ({ 'x-escalation-timestamp': sign(s, nowSeconds(), b)['x-escalation-timestamp']! }), 401, 'MISSING_SIGNATURE'],
    ['a signed body that is not an escalation', (s: string) => sign(s, nowSeconds(), '{"issueKey":"nope"}'), 400, 'INVALID_INPUT'],
  ])('refuses %s with a JSON error and changes nothing', async (_name, headersFor, status, code) => {
    const { secret, url } = await setUp();
    const body = JSON.stringify({ issueKey: 'PAY-3', reason: 'r' });
    const sent = headersFor(secret, body);
    const answer = await fetch(url, { method: 'POST', headers: sent, body: code === 'INVALID_INPUT' ? '{"issueKey":"nope"}' : body });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await escalations('PAY-2')).toEqual([]);
    expect(logged.filter((l) => l.includes(secret))).toEqual([]);
  });

  it('lets only project administrators rotate the secret, and an old secret stops working', async () => {
    const { secret, url } = await setUp();
    expect(await settings('settings.escalations.rotateSecret', USERS.viewer.email, { previous: 'none' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A page that still shows no secret cannot replace the one just made (no one is left with a dead secret).
    expect(await settings('settings.escalations.rotateSecret', USERS.lead.email, { previous: 'none' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await setUp(); // rotated again by the lead
    const body = JSON.stringify({ issueKey: 'PAY-3' });
    expect((await fetch(url, { method: 'POST', headers: sign(secret, nowSeconds(), body), body })).status).toBe(401);
  });
});
