import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PlanningRecordDto } from '../../src/shared/contract/planning';
import type { ReviewListsDto } from '../../src/shared/contract/reviews';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { jqlKeys, ok, panelUpdate, panelView, readProperty } from '../support/planning-site';

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const record = async (key: string, accountId: string = USERS.lead.accountId): Promise<PlanningRecordDto> => ok(await panelView(site, key, accountId)).record;
const apply = async (key: string, accountId: string, operation: unknown): Promise<PlanningRecordDto> =>
  ok(await panelUpdate(site, key, accountId, { baseRev: (await record(key, accountId)).rev, operation })).view.record;

interface JiraComment {
  author: { accountId: string };
  body: { content: Array<{ type: string; content: Array<{ type: string; text?: string; attrs?: { id: string } }> }> };
}
async function comments(key: string): Promise<JiraComment[]> {
  const r = await fetch(`${site.url}/rest/api/3/issue/${key}/comment`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  return ((await r.json()) as { comments: JiraComment[] }).comments;
}
const mentions = (c: JiraComment): string[] => c.body.content.flatMap((b) => b.content.filter((n) => n.type === 'mention').map((n) => n.attrs!.id));
const words = (c: JiraComment): string => c.body.content.flatMap((b) => b.content.map((n) => n.text ?? '')).join('');
const quoted = (c: JiraComment): string => JSON.stringify(c.body.content.filter((b) => b.type === 'blockquote'));

const lozenge = async (key: string): Promise<unknown> => readProperty(site, key, `com.atlassian.jira.issue:${site.manifest.appId.split('/').pop()!}:readiness-context:status`);
const reviews = async (accountId: string, projectKey = 'PAY'): Promise<ReviewListsDto> =>
  ok((await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey }, functionKey: 'reviews.list' }, accountId)) as Result<ReviewListsDto>);
const reviewSettings = (accountId: string, functionKey: string, payload?: unknown): Promise<Result<unknown>> =>
  site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey, payload }, accountId) as Promise<Result<unknown>>;

describe('the demo site', () => {
  it('has a spec sent back with a review conversation, the architect\'s notice, and lists it for its author', async () => {
    const pay50 = await record('PAY-50');
    expect(pay50.spec.status).toBe('CHANGES_REQUESTED');
    expect(pay50.review.threads).toHaveLength(1);
    expect(pay50.review.threads[0]!.comments.map((c) => c.by.displayName)).toEqual(['Arjun Architect', 'Lena Lead']);
    expect(mentions((await comments('PAY-50')).at(-1)!)).toEqual([USERS.lead.accountId]);
    expect((await reviews(USERS.lead.accountId)).myChangesRequested.map((e) => e.key)).toEqual(['PAY-50']);
  });

  it("shows an epic's features with their own spec status and estimate, and its teams as its features' teams", async () => {
    const epic = ok(await panelView(site, 'PAY-1', USERS.viewer.accountId));
    expect(epic.decomposition.children.map((c) => [c.key, c.issueTypeName])).toEqual([['PAY-2', 'Feature'], ['PAY-7', 'Feature'], ['PAY-12', 'Feature']]);
    expect(epic.childPlanning.map((c) => [c.key, c.specStatus, c.estimate?.value.kind ?? null])).toEqual([['PAY-2', 'APPROVED', 'points'], ['PAY-7', 'IN_REVIEW', 'points'], ['PAY-12', 'DRAFT', null]]);
    expect(epic.item.team).toBeNull();
    expect(epic.decomposition.childTeams.length).toBeGreaterThan(1);
    expect(epic.decomposition.levels.map((l) => l.hierarchyLevel)).toEqual([1, 0]);
  });

  it('seeds no spec text twice: each spec is written for its own item', async () => {
    const texts = new Map<string, string>();
    for (const key of ['PAY-1', 'PAY-2', 'PAY-7', 'PAY-12', 'PAY-17', 'PAY-50', 'DATA-1', 'DATA-2', 'DATA-7']) {
      for (const text of Object.values((await record(key)).spec.sections)) {
        expect(texts.get(text)).toBeUndefined();
        texts.set(text, key);
      }
    }
  });
});

describe('requesting changes', () => {
  it('is for architects, needs a comment, and sends the spec back to its author with a Jira comment that mentions them', async () => {
    const before = await record('PAY-7');
    expect(before.spec.status).toBe('IN_REVIEW');
    expect(await panelUpdate(site, 'PAY-7', USERS.lead.accountId, { baseRev: before.rev, operation: { type: 'spec.requestChanges', comment: 'x' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "Only this project's architects can request changes to a spec." },
    });
    expect(await panelUpdate(site, 'PAY-7', USERS.architect.accountId, { baseRev: before.rev, operation: { type: 'spec.requestChanges', comment: '  \n ' } })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Requested changes: say what the author should change.' },
    });
    const commentsBefore = (await comments('PAY-7')).length;

    const sent = await apply('PAY-7', USERS.architect.accountId, { type: 'spec.requestChanges', comment: 'Say how `List<Payment>` is paged.\n\nAnd the p99.' });
    expect(sent.spec.status).toBe('CHANGES_REQUESTED');
    expect(sent.review.changesRequest).toMatchObject({ by: { displayName: 'Arjun Architect' }, comment: 'Say how `List<Payment>` is paged.\n\nAnd the p99.' });
    expect(sent.history[0]).toMatchObject({ what: 'Requested changes to the spec' });

    // Every surface agrees: JQL, the side panel's lozenge, and the author is told in Jira.
    // PAY-50 is the demo's spec already sent back.
    expect(await jqlKeys(site, 'project = PAY AND planningSpecStatus = CHANGES_REQUESTED')).toEqual(['PAY-50', 'PAY-7']);
    expect(await lozenge('PAY-7')).toEqual({ type: 'lozenge', value: { label: 'Changes requested', type: 'moved' } });
    const added = (await comments('PAY-7')).slice(commentsBefore);
    expect(added).toHaveLength(1);
    expect(added[0]!.author.accountId).toBe(USERS.architect.accountId);
    expect(mentions(added[0]!)).toEqual([USERS.lead.accountId]);
    expect(words(added[0]!)).toContain('Arjun Architect requested changes to the technical spec');
    expect(quoted(added[0]!)).toContain('List<Payment>');
  });

  it('lists the spec as the author\'s to change, keeps it there through edits, and back with the architects on resubmit', async () => {
    // Oldest first: the demo's PAY-50 has waited longer.
    expect((await reviews(USERS.lead.accountId)).myChangesRequested.map((e) => e.key)).toEqual(['PAY-50', 'PAY-7']);
    expect((await reviews(USERS.architect.accountId)).waitingForMyReview.map((e) => e.key)).not.toContain('PAY-7');

    const edited = await apply('PAY-7', USERS.lead.accountId, { type: 'spec.editSection', section: 'nfrs', text: 'p99 < 400 ms; pages of 100 payments.' });
    expect(edited.spec.status).toBe('CHANGES_REQUESTED');
    const commentsBefore = (await comments('PAY-7')).length;
    const resubmitted = await apply('PAY-7', USERS.lead.accountId, { type: 'spec.submitForReview' });
    expect(resubmitted.spec.status).toBe('IN_REVIEW');
    expect(resubmitted.history[0]).toMatchObject({ what: 'Resubmitted the spec for review after the requested changes' });
    const [notice] = (await comments('PAY-7')).slice(commentsBefore);
    expect(mentions(notice!)).toEqual([USERS.architect.accountId]);
    expect(await lozenge('PAY-7')).toEqual({ type: 'lozenge', value: { label: 'Spec in review', type: 'inprogress' } });

    const architectView = await reviews(USERS.architect.accountId);
    expect(architectView.isArchitect).toBe(true);
    expect(architectView.waitingForMyReview.map((e) => e.key)).toContain('PAY-7');
    expect((await reviews(USERS.lead.accountId)).myChangesRequested.map((e) => e.key)).toEqual(['PAY-50']);
  });

  it('shows the viewer, who is no architect, no specs waiting for them', async () => {
    const v = await reviews(USERS.viewer.accountId);
    expect(v).toMatchObject({ isArchitect: false, waitingForMyReview: [], architects: [{ displayName: 'Arjun Architect' }] });
  });
});

describe('comments per section', () => {
  it('threads comments and replies per section, never changing the spec or its status', async () => {
    const before = await record('DATA-1');
    const opened = await apply('DATA-1', USERS.architect.accountId, { type: 'review.comment', section: 'nfrs', text: 'Which <percentile>?' });
    expect(opened.spec).toEqual(before.spec);
    expect(opened.review.threads).toEqual([{ id: expect.any(String), section: 'nfrs', comments: [expect.objectContaining({ text: 'Which <percentile>?', by: expect.objectContaining({ displayName: 'Arjun Architect' }) })] }]);
    const threadId = opened.review.threads[0]!.id;
    // A reply sent from an older revision still lands: comments never conflict.
    const replied = ok(await panelUpdate(site, 'DATA-1', USERS.lead.accountId, { baseRev: before.rev, operation: { type: 'review.reply', threadId, text: 'p95, as in the SLO.' } })).view.record;
    expect(replied.review.threads[0]!.comments.map((c) => c.text)).toEqual(['Which <percentile>?', 'p95, as in the SLO.']);
    expect(replied.history[0]).toMatchObject({ what: 'Replied on "Non-functional requirements"' });
    expect(await panelUpdate(site, 'DATA-1', USERS.lead.accountId, { baseRev: replied.rev, operation: { type: 'review.reply', threadId: 'gone', text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'That comment thread no longer exists; reload the panel.' },
    });
    expect(await panelUpdate(site, 'DATA-1', USERS.viewer.accountId, { baseRev: replied.rev, operation: { type: 'review.comment', section: 'context', text: 'x' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Stored in the planning record, in the current stored format.
    expect(await readProperty(site, 'DATA-1', 'planning-readiness')).toMatchObject({ schemaVersion: 2, review: { threads: [{ section: 'nfrs' }] } });
  });

  it('refuses a comment over the limit with the field named', async () => {
    const rec = await record('DATA-1');
    expect(await panelUpdate(site, 'DATA-1', USERS.lead.accountId, { baseRev: rec.rev, operation: { type: 'review.comment', section: 'context', text: 'a'.repeat(1001) } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Comment is 1,001 characters; the limit is 1,000. Shorten it by 1.' },
    });
  });
});

describe('review notices in project settings', () => {
  it('are on by default; the project admin (only) can switch them off, and then approving adds no comment', async () => {
    expect(await reviewSettings(USERS.lead.accountId, 'settings.review.get')).toEqual({ ok: true, data: { settings: { notifyByComment: true }, canAdminister: true } });
    expect(await reviewSettings(USERS.architect.accountId, 'settings.review.update', { notifyByComment: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reviewSettings(USERS.lead.accountId, 'settings.review.update', { notifyByComment: 'no' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await reviewSettings(USERS.lead.accountId, 'settings.review.update', { notifyByComment: false })).toEqual({ ok: true, data: { notifyByComment: false } });

    const commentsBefore = (await comments('PAY-7')).length;
    expect((await apply('PAY-7', USERS.architect.accountId, { type: 'spec.approve' })).spec.status).toBe('APPROVED');
    expect(await comments('PAY-7')).toHaveLength(commentsBefore);
    expect(await reviewSettings(USERS.lead.accountId, 'settings.review.update', { notifyByComment: true })).toMatchObject({ ok: true });
  });
});

describe('architects must be able to browse the project', () => {
  const settingsIn = (projectKey: string, functionKey: string, payload?: unknown): Promise<Result<unknown>> =>
    site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey }, functionKey, payload }, USERS.lead.accountId) as Promise<Result<unknown>>;

  it('the picker offers only people who can browse the project', async () => {
    expect(await settingsIn('PAY', 'settings.searchUsers', { query: 'oscar' })).toMatchObject({ ok: true, data: [{ displayName: 'Oscar Outsider' }] });
    expect(await settingsIn('DATA', 'settings.searchUsers', { query: 'oscar' })).toEqual({ ok: true, data: [] });
  });

  it('naming someone who cannot browse the project is refused with a clear message, and nothing changes', async () => {
    const before = (await settingsIn('DATA', 'settings.get')) as { ok: true; data: { settings: { architects: unknown[]; tshirtScale: unknown } } };
    const payload = { architectAccountIds: [USERS.architect.accountId, USERS.outsider.accountId], tshirtScale: before.data.settings.tshirtScale, divergenceThresholdPct: 30 };
    expect(await settingsIn('DATA', 'settings.update', payload)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Architects: Oscar Outsider cannot browse project DATA, so they could not read its specs to approve them. Give them access to the project in Jira first, or choose someone else.',
      },
    });
    expect(await settingsIn('DATA', 'settings.get')).toEqual(before);
  });

  it('the emulator answers /user/viewissue/search as Jira does: a project or an issue, a query or an account id', async () => {
    const get = (q: string) => fetch(`${site.url}/rest/api/3/user/viewissue/search?${q}`, { headers: { authorization: basicAuth(USERS.lead.email) } });
    expect((await get('query=a')).status).toBe(400);
    expect((await get('projectKey=DATA')).status).toBe(400);
    expect((await get('projectKey=NOPE&query=a')).status).toBe(404);
    const byIssue = (await (await get(`issueKey=DATA-1&accountId=${USERS.viewer.accountId}`)).json()) as Array<{ accountId: string }>;
    expect(byIssue.map((u) => u.accountId)).toEqual([USERS.viewer.accountId]);
    expect(await (await get(`projectKey=DATA&accountId=${USERS.outsider.accountId}`)).json()).toEqual([]);
  });
});
