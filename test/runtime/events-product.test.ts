import { APP_ACCOUNT_ID } from '../../local/runtime/events/product-events';
import { issueEvent, issueLinkEvent, issuePropertyEvent, issueUpdatedEvent, versionEvent } from '../support/forge-event-shapes';
import { rest, seen, seenBy, useEventsSite } from '../support/events-site';
import { USERS } from '../support/local-site';

/** Product events from the emulator's writes to the fixture app's triggers, as Forge delivers them. */
const harness = useEventsSite();
const lead = USERS.lead;


const received = (eventType: string, moduleKey = 'issue-trigger'): Array<Record<string, unknown>> =>
  seenBy('onEvent', moduleKey).map((s) => s.payload).filter((p) => p.eventType === eventType);

const itemsOf = (payload: Record<string, unknown>): Array<Record<string, unknown>> => (payload.changelog as { items: Array<Record<string, unknown>> }).items;

async function edit(key: string, body: unknown): Promise<void> {
  const r = await rest(harness.site, lead.email, 'PUT', `/rest/api/3/issue/${key}`, body);
  expect(r.status).toBe(204);
}

describe('avi:jira:updated:issue', () => {
  it('delivers a flag with its Flagged changelog item, in the documented shape, after the write has answered', async () => {
    const answer = await harness.site.jira.handle('PUT', '/rest/api/3/issue/PAY-3', JSON.stringify({ fields: { customfield_10021: [{ value: 'Impediment' }] } }), { kind: 'user', accountId: lead.accountId });
    expect(answer.status).toBe(204);
    expect(seen).toHaveLength(0); // asynchronous: nothing ran during the write
    await harness.site.events.drain();
    const [event] = received('avi:jira:updated:issue');
    expect(issueUpdatedEvent.parse(event)).toBeTruthy();
    expect(event!.atlassianId).toBe(lead.accountId);
    expect((event!.issue as { key: string }).key).toBe('PAY-3');
    expect(itemsOf(event!)).toEqual([{ field: 'Flagged', fieldId: 'customfield_10021', fieldtype: 'custom', from: null, fromString: null, to: '[10019]', toString: 'Impediment' }]);
    expect(seenBy('onEvent', 'issue-trigger')[0]!.accountId).toBeNull(); // the app's identity
  });

  it('describes priority, labels, due date, assignee, summary and fix versions as Jira does', async () => {
    await edit('PAY-3', {
      fields: { priority: { name: 'High' }, labels: ['api', 'risk'], duedate: '2027-01-15', assignee: { accountId: USERS.architect.accountId }, summary: 'Renamed story' },
      update: { fixVersions: [{ add: { name: '2027.2' } }] },
    });
    await harness.site.events.drain();
    const items = itemsOf(received('avi:jira:updated:issue')[0]!);
    const byField: Record<string, Record<string, unknown>> = Object.fromEntries(items.map((i) => [String(i.field), i]));
    expect(byField.priority).toMatchObject({ fieldId: 'priority', toString: 'High', to: '2' });
    expect(byField.labels).toMatchObject({ fieldId: 'labels', toString: 'api risk' });
    expect(byField.duedate).toMatchObject({ to: '2027-01-15' });
    expect(byField.assignee).toMatchObject({ to: USERS.architect.accountId, toString: USERS.architect.name });
    expect(byField.summary).toMatchObject({ toString: 'Renamed story' });
    expect(byField['Fix Version']).toMatchObject({ fieldId: 'fixVersions', toString: '2027.2' });
  });

  it('delivers a transition as a status change', async () => {
    const transitions = (await (await rest(harness.site, lead.email, 'GET', '/rest/api/3/issue/PAY-3/transitions')).json()) as { transitions: Array<{ id: string; to: { name: string } }> };
    const target = transitions.transitions.find((t) => t.to.name === 'In Review')!;
    expect((await rest(harness.site, lead.email, 'POST', '/rest/api/3/issue/PAY-3/transitions', { transition: { id: target.id } })).status).toBe(204);
    await harness.site.events.drain();
    expect(itemsOf(received('avi:jira:updated:issue')[0]!)).toEqual([expect.objectContaining({ field: 'status', toString: 'In Review' })]);
  });

  it('sends nothing for an edit that changes nothing', async () => {
    const current = (await (await rest(harness.site, lead.email, 'GET', '/rest/api/3/issue/PAY-3?fields=summary')).json()) as { fields: { summary: string } };
    await edit('PAY-3', { fields: { summary: current.fields.summary } });
    await harness.site.events.drain();
    expect(received('avi:jira:updated:issue')).toHaveLength(0);
  });
});

describe('the other product events', () => {
  it('delivers avi:jira:created:issue', async () => {
    const r = await rest(harness.site, lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'A new story' } });
    expect(r.status).toBe(201);
    await harness.site.events.drain();
    const [event] = received('avi:jira:created:issue');
    expect(issueEvent.parse(event)).toBeTruthy();
    expect(event!.associatedUsers).toEqual([{ accountId: lead.accountId }]);
  });

  it('delivers issue links created and deleted', async () => {
    await rest(harness.site, lead.email, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 'PAY-3' }, outwardIssue: { key: 'PAY-4' } });
    await harness.site.events.drain();
    const [createdLink] = received('avi:jira:created:issuelink');
    expect(issueLinkEvent.parse(createdLink)).toBeTruthy();
    expect(createdLink!.issueLinkType).toMatchObject({ name: 'Blocks', outwardName: 'blocks' });
    expect((await rest(harness.site, lead.email, 'DELETE', `/rest/api/3/issueLink/${String(createdLink!.id)}`)).status).toBe(204);
    await harness.site.events.drain();
    expect(issueLinkEvent.parse(received('avi:jira:deleted:issuelink')[0])).toMatchObject({ id: createdLink!.id });
  });

  it('delivers issue properties set and deleted', async () => {
    await rest(harness.site, lead.email, 'PUT', '/rest/api/3/issue/PAY-3/properties/team-note', { note: 'hi' });
    await rest(harness.site, lead.email, 'DELETE', '/rest/api/3/issue/PAY-3/properties/team-note');
    await harness.site.events.drain();
    expect(issuePropertyEvent.parse(received('avi:jira:set:issue-property')[0])).toMatchObject({ propertyKey: 'team-note', atlassianId: lead.accountId });
    expect(issuePropertyEvent.parse(received('avi:jira:deleted:issue-property')[0])).toMatchObject({ propertyKey: 'team-note' });
  });

  it('delivers versions created, updated and released', async () => {
    const createdVersion = (await (await rest(harness.site, lead.email, 'POST', '/rest/api/3/version', { name: '2027.3', projectId: 10000 })).json()) as { id: string };
    await rest(harness.site, lead.email, 'PUT', `/rest/api/3/version/${createdVersion.id}`, { description: 'PI 2027.3' });
    await rest(harness.site, lead.email, 'PUT', `/rest/api/3/version/${createdVersion.id}`, { released: true });
    await harness.site.events.drain();
    for (const type of ['avi:jira:created:version', 'avi:jira:updated:version', 'avi:jira:released:version']) {
      expect(versionEvent.parse(received(type)[0])).toMatchObject({ version: { id: createdVersion.id, name: '2027.3' } });
    }
  });
});

describe('delivery rules', () => {
  it('honours a filter expression: the Epic trigger gets an Epic flagged, not a story', async () => {
    await edit('PAY-3', { fields: { customfield_10021: [{ value: 'Impediment' }] } });
    await edit('PAY-1', { fields: { customfield_10021: [{ value: 'Impediment' }] } });
    await edit('PAY-1', { fields: { summary: 'Renamed epic' } });
    await harness.site.events.drain();
    const epics = received('avi:jira:updated:issue', 'epic-trigger').map((p) => (p.issue as { key: string }).key);
    expect(epics).toEqual(['PAY-1']);
    expect(received('avi:jira:updated:issue')).toHaveLength(3);
  });

  it("ignores the app's own writes for a trigger with ignoreSelf, and tells the others it was the app", async () => {
    await edit('PAY-3', { fields: { summary: 'please echo' } });
    await harness.site.events.drain();
    expect(received('avi:jira:set:issue-property')).toHaveLength(0);
    const [fromApp] = received('avi:jira:set:issue-property', 'every-property-trigger');
    expect(fromApp).toMatchObject({ propertyKey: 'fixture-echo', atlassianId: APP_ACCOUNT_ID });
  });

  it("applies the filter's onError when its expression fails: RECEIVE_AND_LOG delivers, the default IGNORE_AND_LOG does not", async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await rest(harness.site, lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'Unassigned' } });
    await harness.site.events.drain();
    expect(received('avi:jira:created:issue', 'receive-on-error-trigger')).toHaveLength(1);
    expect(received('avi:jira:created:issue', 'ignore-on-error-trigger')).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("cannot read 'accountId' of null"));
    warn.mockRestore();
  });

  it('retries a handler that returns an InvocationError at most 4 times, with its retry context', async () => {
    await rest(harness.site, lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'please retry me' } });
    await harness.site.events.drain();
    const attempts = seenBy('onRetry').map((s) => s.payload.retryContext ?? null);
    expect(attempts).toEqual([
      null,
      { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { previous: 0 } },
      { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { previous: 1 } },
      { retryCount: 3, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { previous: 2 } },
      { retryCount: 4, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { previous: 3 } },
    ]);
  });
});

describe('visibility and chaos', () => {
  it('does not deliver events about a project the app cannot see', async () => {
    await harness.restart({ appHiddenProjectKeys: ['DATA'] });
    await edit('DATA-3', { fields: { labels: ['hidden'] } });
    await edit('PAY-3', { fields: { labels: ['shown'] } });
    await harness.site.events.drain();
    expect(received('avi:jira:updated:issue').map((p) => (p.issue as { key: string }).key)).toEqual(['PAY-3']);
  });

  it('in chaos mode delivers every event twice and out of order', async () => {
    harness.site.events.setChaos(true);
    const principal = { kind: 'user' as const, accountId: lead.accountId };
    for (const label of ['one', 'two', 'three']) await harness.site.jira.handle('PUT', '/rest/api/3/issue/PAY-3', JSON.stringify({ fields: { labels: [label] } }), principal);
    await harness.site.events.drain();
    const order = received('avi:jira:updated:issue').map((p) => itemsOf(p)[0]!.toString);
    expect([...order].sort()).toEqual(['one', 'one', 'three', 'three', 'two', 'two']);
    expect(order.slice(0, 3)).not.toEqual(['one', 'two', 'three']);
  });
});
