import type { LocalSite } from '../../local/host/site';
import type { StoredIssue } from '../../local/jira/model';
import type { Result } from '../../src/shared/contract/common';
import type { AgendaDto } from '../../src/shared/contract/escalations';
import { rest } from '../support/events-site';
import { startTestSite, USERS } from '../support/local-site';
import { jqlKeys, readProperty, writeProperty } from '../support/planning-site';

/**
 * The Escalations view's resolvers (the Scrum of Scrums agenda) as each demo user, and the daily SLA sweep.
 * Oscar Outsider works in PAY only: a DATA story escalated onto a PAY feature is on his agenda by key only.
 */
let site: LocalSite;
beforeEach(async () => {
  site = await startTestSite({ events: { secondsToMs: 1 } });
});
afterEach(async () => {
  await site.close();
});

const call = async <T>(functionKey: string, accountId: string, payload?: unknown): Promise<Result<T>> =>
  (await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey: 'PAY' }, functionKey, ...(payload === undefined ? {} : { payload }) }, accountId)) as Result<T>;
const agendaFor = async (accountId: string): Promise<AgendaDto> => {
  const r = await call<AgendaDto>('escalations.getAgenda', accountId);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

const issue = (pred: (i: StoredIssue) => boolean): StoredIssue => site.store.data.issues.find(pred)!;
/** A PAY feature the demo seed gave no impediment (neither it nor any of its stories is flagged). */
const payFeature = (): StoredIssue =>
  issue((f) => f.key.startsWith('PAY-') && f.issueTypeId === '10001' && !f.flagged && f.assigneeAccountId !== null && !site.store.data.issues.some((i) => i.parentId === f.id && i.flagged));
/** The agenda's rows about one source issue (the demo seed has others). */
const about = (agenda: AgendaDto, sourceKey: string) => agenda.impediments.filter((i) => i.source.key === sourceKey);

/** A DATA story moved under a PAY feature and flagged there: its impediment lands on the PAY feature. */
async function escalateDataStoryOnto(feature: StoredIssue): Promise<StoredIssue> {
  const story = issue((i) => i.key.startsWith('DATA-') && i.issueTypeId === '10002' && i.statusId !== '10002' && !i.flagged);
  expect((await rest(site, USERS.lead.email, 'PUT', `/rest/api/3/issue/${story.key}`, { fields: { parent: { key: feature.key }, customfield_10021: [{ value: 'Impediment' }] } })).status).toBe(204);
  await site.events.drain();
  return story;
}

describe('the Scrum of Scrums agenda', () => {
  it("shows the source's summary only to users who may browse the source issue, on screen and in the Markdown", async () => {
    const feature = payFeature();
    const story = await escalateDataStoryOnto(feature);
    const lead = await agendaFor(USERS.lead.accountId);
    expect(about(lead, story.key)).toEqual([expect.objectContaining({ item: { key: feature.key, summary: feature.summary }, cause: 'FLAGGED', source: { key: story.key, summary: story.summary }, slaBreached: false })]);
    expect(lead.markdown).toContain(story.summary);

    const outsider = await agendaFor(USERS.outsider.accountId);
    expect(about(outsider, story.key)).toEqual([expect.objectContaining({ source: { key: story.key, summary: null } })]);
    expect(JSON.stringify(outsider)).not.toContain(story.summary);
  });

  it("offers the agenda's actions only to people who may edit issues in the project (closeMeeting's own check)", async () => {
    expect((await agendaFor(USERS.lead.accountId)).canEdit).toBe(true);
    expect((await agendaFor(USERS.viewer.accountId)).canEdit).toBe(false);
    expect(await call('escalations.closeMeeting', USERS.viewer.accountId, { previous: 'none' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('records the owner, the next step and "discussed" for people who may edit the item, and refuses the others', async () => {
    const feature = payFeature();
    const story = await escalateDataStoryOnto(feature);
    const [item] = about(await agendaFor(USERS.lead.accountId), story.key);
    const followUp = { itemKey: feature.key, impedimentId: item!.id, owner: USERS.architect.accountId, nextStep: 'Ask infra for a test database', discussed: true };
    expect(await call('escalations.followUp', USERS.viewer.accountId, followUp)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('escalations.followUp', USERS.lead.accountId, { ...followUp, nextStep: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('escalations.followUp', USERS.lead.accountId, followUp)).toEqual({ ok: true, data: { warnings: [] } });
    const [after] = about(await agendaFor(USERS.viewer.accountId), story.key);
    expect(after).toMatchObject({ owner: { accountId: USERS.architect.accountId }, nextStep: 'Ask infra for a test database', discussedAt: expect.any(String) as unknown });
    expect((await agendaFor(USERS.lead.accountId)).markdown).toContain('Ask infra for a test database');
    // The owner picker's search.
    expect(await call('escalations.searchUsers', USERS.lead.accountId, { query: 'Arjun' })).toMatchObject({ ok: true, data: [expect.objectContaining({ accountId: USERS.architect.accountId })] });
  });
});

describe('what is new since the last meeting', () => {
  it('lists the items with late dependencies or a critical risk, as their summaries count them, until a meeting is closed', async () => {
    const feature = payFeature();
    // A late dependency in the summary, as the dependencies feature would publish it (the demo has risks of its own).
    const stored = (await readProperty(site, feature.key, 'planning-readiness-summary')) as Record<string, unknown>;
    const summary = { ...stored, dependencies: { open: 1, late: 1, cycle: 0, uncommitted: 0 } };
    expect(await writeProperty(site, USERS.lead.email, feature.key, 'planning-readiness-summary', summary)).toBe(200);
    await site.events.drain();
    const late = await jqlKeys(site, 'project = PAY AND lateDependencies > 0');
    const critical = await jqlKeys(site, 'project = PAY AND riskLevel >= 4');
    expect(late.length + critical.length).toBeGreaterThan(0);
    const before = await agendaFor(USERS.lead.accountId);
    expect(before.lateDependencies.map((i) => i.key).sort()).toEqual(late);
    expect(before.criticalRisks.map((i) => i.key).sort()).toEqual(critical);
    expect(await call('escalations.closeMeeting', USERS.lead.accountId, { previous: before.lastMeetingAt ?? 'none' })).toMatchObject({ ok: true });
    // A second page that still shows no closed meeting cannot close it again.
    expect(await call('escalations.closeMeeting', USERS.lead.accountId, { previous: 'none' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await agendaFor(USERS.lead.accountId);
    expect([after.lateDependencies, after.criticalRisks, after.lastMeetingAt]).toEqual([[], [], expect.any(String)]);
  });
});

describe('the demo seed and the re-scan', () => {
  it("puts the seed's flagged issues on the agenda, with the follow-up the lead prepared, and lets only administrators re-scan", async () => {
    // Flagged and not done: a done issue impedes nothing any more.
    const flagged = site.store.data.issues.filter((i) => i.key.startsWith('PAY-') && i.flagged && i.statusId !== '10002').map((i) => i.key);
    const agenda = await agendaFor(USERS.lead.accountId);
    expect(agenda.impediments.filter((i) => i.cause === 'FLAGGED').map((i) => i.source.key).sort()).toEqual(flagged.sort());
    expect(agenda.impediments[0]).toMatchObject({ owner: { accountId: USERS.architect.accountId }, nextStep: expect.any(String) as unknown });
    expect(await call('escalations.rescan', USERS.viewer.accountId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing changed in Jira since the seed: a re-scan raises nothing new.
    expect(await call('escalations.rescan', USERS.lead.accountId)).toMatchObject({ ok: true });
    expect((await agendaFor(USERS.lead.accountId)).impediments.map((i) => i.id)).toEqual(agenda.impediments.map((i) => i.id));
  });
});

describe('the daily SLA sweep', () => {
  it('escalates an impediment past its SLA again with a comment mentioning its owner, once a day', async () => {
    const feature = payFeature();
    const story = await escalateDataStoryOnto(feature);
    // Ten days old: the record as the app wrote it, with an older raise date.
    const record = (await readProperty(site, feature.key, 'planning-readiness-impediments')) as { impediments: Array<Record<string, unknown>> };
    const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
    expect(await writeProperty(site, USERS.lead.email, feature.key, 'planning-readiness-impediments', { ...record, impediments: record.impediments.map((i) => ({ ...i, raisedAt: old })) })).toBe(200);
    await site.events.drain();
    expect(about(await agendaFor(USERS.lead.accountId), story.key)).toEqual([expect.objectContaining({ slaBreached: true })]);

    const comments = (): number => issue((i) => i.id === feature.id).comments.filter((c) => JSON.stringify(c.body).includes('escalated again')).length;
    expect(await site.events.runScheduled('impediment-sla-sweep')).toMatchObject({ ok: true, result: { reEscalated: 1 } });
    expect(await site.events.runScheduled('impediment-sla-sweep')).toMatchObject({ ok: true, result: { reEscalated: 0 } });
    expect(comments()).toBe(1);
    const comment = issue((i) => i.id === feature.id).comments.find((c) => JSON.stringify(c.body).includes('escalated again'))!;
    expect(JSON.stringify(comment.body)).toContain(`"id":"${feature.assigneeAccountId}"`);
  });
});
