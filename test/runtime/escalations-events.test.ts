import type { LocalSite } from '../../local/host/site';
import type { StoredIssue } from '../../local/jira/model';
import { startTestSite, USERS } from '../support/local-site';
import { jqlKeys, readProperty, writeProperty } from '../support/planning-site';
import { rest } from '../support/events-site';

/**
 * Escalations from Jira events, through the real app on the emulator: a flagged story raises an impediment on
 * its feature (record, JQL summary, comment), a repeated or reordered event raises nothing more, and the
 * impediment resolves when the story is unflagged.
 */
let site: LocalSite;
afterEach(async () => {
  await site?.close();
});

const FLAG = { fields: { customfield_10021: [{ value: 'Impediment' }] } };
const UNFLAG = { fields: { customfield_10021: null } };

interface StoredRecord {
  impediments: Array<{ cause: string; status: string; source: { key: string }; owner: string | null; raisedBy: string | null; resolvedAt: string | null }>;
}

const byId = (id: string | null): StoredIssue => site.store.data.issues.find((i) => i.id === id)!;

/** An open, unflagged PAY story whose parent is a feature (hierarchy level 1) with an assignee (its tech lead). */
function storyUnderFeature(): { story: StoredIssue; feature: StoredIssue } {
  for (const story of site.store.data.issues) {
    if (!story.key.startsWith('PAY-') || story.issueTypeId !== '10002' || story.statusId === '10002' || story.flagged || story.priorityId === '1' || story.labels.includes('escalated')) continue;
    const feature = story.parentId ? byId(story.parentId) : undefined;
    // A feature the demo seed gave no impediment (none of its stories is flagged).
    const calm = feature && !site.store.data.issues.some((i) => i.parentId === feature.id && i.flagged);
    if (feature?.issueTypeId === '10001' && feature.assigneeAccountId && !feature.flagged && calm) return { story, feature };
  }
  throw new Error('the demo seed has no story under a feature');
}

async function settle(): Promise<void> {
  await site.events.drain();
}

async function put(key: string, body: unknown, email = USERS.architect.email): Promise<void> {
  expect((await rest(site, email, 'PUT', `/rest/api/3/issue/${key}`, body)).status).toBe(204);
  await settle();
}

describe('impediments from Jira events', () => {
  it('raises one impediment on the feature when a story is flagged, even when every event comes twice and reversed, and resolves it when unflagged', async () => {
    site = await startTestSite({ events: { secondsToMs: 1, chaos: true } });
    const { story, feature } = storyUnderFeature();
    await put(story.key, FLAG);

    const raised = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as StoredRecord;
    expect(raised.impediments).toEqual([expect.objectContaining({ cause: 'FLAGGED', status: 'OPEN', source: expect.objectContaining({ key: story.key }) as unknown, owner: feature.assigneeAccountId, raisedBy: USERS.architect.accountId })]);
    expect(await readProperty(site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 1 } });
    expect(await jqlKeys(site, 'openImpediments > 0')).toContain(feature.key);
    // One comment, mentioning the tech lead, however often the event came.
    const comments = byId(feature.id).comments.filter((c) => JSON.stringify(c.body).includes('an impediment was raised'));
    expect(comments).toHaveLength(1);
    expect(JSON.stringify(comments[0]!.body)).toContain(`"id":"${feature.assigneeAccountId}"`);

    await put(story.key, UNFLAG);
    const resolved = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as StoredRecord;
    expect(resolved.impediments).toEqual([expect.objectContaining({ status: 'RESOLVED', resolvedAt: expect.any(String) as unknown })]);
    expect(await jqlKeys(site, 'openImpediments > 0')).not.toContain(feature.key);
    expect(await jqlKeys(site, `openImpediments = 0 AND issuekey = ${feature.key}`)).toEqual([feature.key]);
  });

  it('raises for the priority Highest, the escalation label and an unresolved blocker, each once, and resolves each with its cause', async () => {
    site = await startTestSite({ events: { secondsToMs: 1 } });
    const { story, feature } = storyUnderFeature();
    const blocker = site.store.data.issues.find((i) => i.key.startsWith('DATA-') && i.issueTypeId === '10002' && i.statusId !== '10002')!;
    await put(story.key, { fields: { priority: { name: 'Highest' }, labels: ['escalated'] } });
    expect((await rest(site, USERS.lead.email, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: blocker.key }, outwardIssue: { key: story.key } })).status).toBe(201);
    await settle();
    const open = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as StoredRecord;
    expect(open.impediments.filter((i) => i.status === 'OPEN').map((i) => i.cause).sort()).toEqual(['BLOCKED_BY', 'LABEL', 'PRIORITY_HIGHEST']);
    expect(await readProperty(site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 3 } });

    // The blocker is done: the story's "blocked by" impediment resolves with it (the event is about the blocker).
    expect((await rest(site, USERS.lead.email, 'POST', `/rest/api/3/issue/${blocker.key}/transitions`, { transition: { id: '41' } })).status).toBeLessThan(300);
    await settle();
    await put(story.key, { fields: { priority: { name: 'Medium' }, labels: [] } });
    const after = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as StoredRecord;
    expect(after.impediments.filter((i) => i.status === 'OPEN')).toEqual([]);
  });

  it('does not escalate when the project switched the rule off', async () => {
    site = await startTestSite({ events: { secondsToMs: 1 } });
    const { story, feature } = storyUnderFeature();
    const view = (await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey: 'settings.escalations.get' }, USERS.lead.accountId)) as { ok: true; data: { settings: Record<string, unknown> } };
    const off = { ...view.data.settings, rules: { ...(view.data.settings.rules as object), FLAGGED: false } };
    expect(await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey: 'settings.escalations.update', payload: off }, USERS.lead.accountId)).toMatchObject({ ok: true });
    await put(story.key, FLAG);
    expect(await readProperty(site, feature.key, 'planning-readiness-impediments')).toBeUndefined();
  });

  it('adds and removes the configured label on the feature for "Field value changed" rules, and validates settings on the server', async () => {
    site = await startTestSite({ events: { secondsToMs: 1 } });
    const { story, feature } = storyUnderFeature();
    const settings = (functionKey: string, accountId: string, payload?: unknown) =>
      site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey, ...(payload === undefined ? {} : { payload }) }, accountId);
    const view = (await settings('settings.escalations.get', USERS.lead.accountId)) as { ok: true; data: { settings: Record<string, unknown> } };
    const labelSignal = { ...view.data.settings, fieldSignal: 'LABEL', signalLabel: 'has-impediment' };
    expect(await settings('settings.escalations.update', USERS.viewer.accountId, labelSignal)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settings('settings.escalations.update', USERS.lead.accountId, { ...labelSignal, signalLabel: 'escalated' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await settings('settings.escalations.update', USERS.lead.accountId, labelSignal)).toMatchObject({ ok: true });

    await put(story.key, FLAG);
    expect(byId(feature.id).labels).toContain('has-impediment');
    await put(story.key, UNFLAG);
    expect(byId(feature.id).labels).not.toContain('has-impediment');
  });

  it('repairs the JQL summary when someone forges the impediment record', async () => {
    site = await startTestSite({ events: { secondsToMs: 1 } });
    const { story, feature } = storyUnderFeature();
    await put(story.key, FLAG);
    const record = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as StoredRecord;
    expect(await writeProperty(site, USERS.lead.email, feature.key, 'planning-readiness-summary', { ...((await readProperty(site, feature.key, 'planning-readiness-summary')) as object), impediments: { open: 0 } })).toBe(200);
    await settle();
    expect(await readProperty(site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 1 } });
    expect(record.impediments).toHaveLength(1);
  });
});
