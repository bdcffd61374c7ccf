import type { LocalSite } from '../../local/host/site';
import type { ProjectSettingsDto, Result } from '../../src/shared/contract/common';
import type { PlanningRecordDto, PlanningUpdateDto, PlanningViewDto } from '../../src/shared/contract/planning';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { ok, panelUpdate, panelView } from '../support/planning-site';

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const ENGINEERS = ['priya@demo.test', 'marco@demo.test', 'chen@demo.test'];
const accountOf = (email: string): string => site.store.data.users.find((u) => u.emailAddress === email)!.accountId;

const view = (issueKey: string, accountId: string): Promise<Result<PlanningViewDto>> => panelView(site, issueKey, accountId);
const update = (issueKey: string, accountId: string, payload: unknown): Promise<Result<PlanningUpdateDto>> => panelUpdate(site, issueKey, accountId, payload);
/** The record after a successful update. */
const savedRecord = (r: Result<PlanningUpdateDto>): PlanningRecordDto => ok(r).view.record;

/** The record as Jira stores it, read over REST like any client would. */
async function storedRecord(issueKey: string): Promise<{ status: number; value: unknown }> {
  const r = await fetch(`${site.url}/rest/api/3/issue/${issueKey}/properties/planning-readiness`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  return { status: r.status, value: r.status === 200 ? ((await r.json()) as { value: unknown }).value : undefined };
}

describe('planning.getView on the demo site', () => {
  it('shows an approved spec, and an estimate that diverges from the stories', async () => {
    const pay1 = ok(await view('PAY-1', USERS.lead.accountId));
    expect(pay1.record.spec).toMatchObject({ status: 'APPROVED', approval: { by: { displayName: 'Arjun Architect' } } });
    expect(pay1.reconciliation).toMatchObject({ position: 'within', flagged: false });
    expect(pay1.decomposition).toMatchObject({ childCount: 3, storyCount: 12 });

    const pay7 = ok(await view('PAY-7', USERS.lead.accountId));
    expect(pay7.record.spec.status).toBe('IN_REVIEW');
    expect(pay7.reconciliation).toMatchObject({ position: 'above', flagged: true });
    expect(pay7.decomposition.unestimated.every((s) => s.storyPoints === null)).toBe(true);
  });

  it('tells the architect they may approve, and the lead (not a named architect) that they may not', async () => {
    expect(ok(await view('PAY-7', USERS.architect.accountId))).toMatchObject({ canEdit: true, canApprove: true });
    expect(ok(await view('PAY-7', USERS.lead.accountId))).toMatchObject({ canEdit: true, canApprove: false });
  });
});

describe('planning.update', () => {
  it('writes a spec, and the record is readable at /rest/api/3/issue/<KEY>/properties/planning-readiness', async () => {
    const before = ok(await view('PAY-12', USERS.lead.accountId));
    const saved = ok(await update('PAY-12', USERS.lead.accountId, { baseRev: before.record.rev, operation: { type: 'spec.editSection', section: 'approach', text: 'Adapter per scheme behind one port.' } }));
    expect(saved.changed).toBe(true);
    const stored = await storedRecord('PAY-12');
    expect(stored.value).toMatchObject({ schemaVersion: 2, rev: before.record.rev + 1, spec: { sections: { approach: 'Adapter per scheme behind one port.' } } });
    expect(stored.value).toMatchObject({ rev: saved.view.record.rev, spec: saved.view.record.spec, history: saved.view.record.history });
    // One call answers with everything the panel shows: rights, decomposition and reconciliation included.
    expect(saved.view).toMatchObject({ canEdit: true, item: { key: 'PAY-12' }, decomposition: { childCount: expect.any(Number) } });
    expect(saved.warnings).toEqual([]);
  });

  it('runs the review workflow: submit as the lead, approve as the architect, back to review on edit', async () => {
    let rec = ok(await view('PAY-12', USERS.lead.accountId)).record;
    rec = savedRecord(await update('PAY-12', USERS.lead.accountId, { baseRev: rec.rev, operation: { type: 'spec.submitForReview' } }));
    const denied = await update('PAY-12', USERS.lead.accountId, { baseRev: rec.rev, operation: { type: 'spec.approve' } });
    expect(denied).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: "Only this project's architects can approve a spec." } });
    rec = savedRecord(await update('PAY-12', USERS.architect.accountId, { baseRev: rec.rev, operation: { type: 'spec.approve' } }));
    expect(rec.spec.approval?.by.displayName).toBe('Arjun Architect');
    const appId = site.manifest.appId.split('/').pop()!;
    const lozenge = await fetch(`${site.url}/rest/api/3/issue/PAY-12/properties/${encodeURIComponent(`com.atlassian.jira.issue:${appId}:readiness-context:status`)}`, { headers: { authorization: basicAuth(USERS.viewer.email) } });
    expect(((await lozenge.json()) as { value: unknown }).value).toEqual({ type: 'lozenge', value: { label: 'Spec approved', type: 'success' } });
    rec = savedRecord(await update('PAY-12', USERS.lead.accountId, { baseRev: rec.rev, operation: { type: 'spec.editSection', section: 'nfrs', text: 'Throughput 2k tps' } }));
    expect(rec.spec.status).toBe('IN_REVIEW');
    expect(rec.history[0]).toMatchObject({ by: { displayName: 'Lena Lead' }, what: 'Edited "Non-functional requirements"; the approved spec went back to In review' });
  });

  it('lets a viewer read but not write, and hides the issue from an outsider', async () => {
    const v = ok(await view('PAY-1', USERS.viewer.accountId));
    expect(v).toMatchObject({ canEdit: false, canApprove: false });
    const before = await storedRecord('PAY-1');
    expect(await update('PAY-1', USERS.viewer.accountId, { baseRev: v.record.rev, operation: { type: 'spec.editSection', section: 'context', text: 'x' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You need permission to edit this issue to change its planning record.' },
    });
    expect(await view('DATA-1', USERS.outsider.accountId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await update('DATA-1', USERS.outsider.accountId, { baseRev: 0, operation: { type: 'spec.editSection', section: 'context', text: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await storedRecord('PAY-1')).toEqual(before);
  });

  it('rejects bad input with clear messages and loses nothing already saved', async () => {
    const before = await storedRecord('PAY-2');
    const rev = (before.value as PlanningRecordDto).rev;
    const cases: Array<[unknown, RegExp]> = [
      [{ baseRev: rev, operation: { type: 'spec.editSection', section: 'context', text: 42 } }, /^operation\.text: /],
      [{ baseRev: rev, operation: { type: 'spec.editSection', section: 'history', text: 'x' } }, /^operation\.section: /],
      [{ baseRev: rev, operation: { type: 'spec.rewriteEverything' } }, /^operation\.type: /],
      [{ baseRev: 'latest', operation: { type: 'estimate.clear' } }, /^baseRev: /],
      [{ baseRev: rev, operation: { type: 'spec.editSection', section: 'approach', text: 'bell\u0007' } }, /control characters/],
      [{ baseRev: rev, operation: { type: 'spec.addLink', url: 'javascript:alert(1)', title: 'x' } }, /only http and https/],
      [{ baseRev: rev, operation: { type: 'estimate.set', value: { kind: 'points', low: 9, high: 3 }, confidence: 3, assumptions: '' } }, /low end \(9\) is above the high end \(3\)/],
    ];
    for (const [payload, message] of cases) {
      const r = await update('PAY-2', USERS.lead.accountId, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    }
    // An edit that would push the record past 32,768 bytes.
    let current = before.value as PlanningRecordDto;
    for (const section of ['context', 'approach', 'components', 'nfrs', 'acceptance'] as const) {
      current = savedRecord(await update('PAY-2', USERS.lead.accountId, { baseRev: current.rev, operation: { type: 'spec.editSection', section, text: '漢'.repeat(1900) } }));
    }
    const afterBig = await storedRecord('PAY-2');
    const tooBig = await update('PAY-2', USERS.lead.accountId, { baseRev: current.rev, operation: { type: 'spec.editSection', section: 'openQuestions', text: '漢'.repeat(2900) } });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/32,768 bytes per issue\. Shorten "Open questions"/) } });
    expect(await storedRecord('PAY-2')).toEqual(afterBig);
  });

  it('keeps every edit of 20 simultaneous ones from 5 users to different parts, and reports every conflict on the same part', async () => {
    const people = [USERS.lead.accountId, USERS.architect.accountId, ...ENGINEERS.map(accountOf)];
    const base = ok(await view('PAY-23', USERS.lead.accountId)).record;
    const sections = ['context', 'approach', 'components', 'nfrs', 'acceptance'] as const;
    const payloads = [
      ...sections.map((section, i) => ({ kind: 'different', payload: { baseRev: base.rev, operation: { type: 'spec.editSection', section, text: `${section} by user ${i}` } } })),
      ...Array.from({ length: 10 }, (_, i) => ({ kind: 'different', payload: { baseRev: base.rev, operation: { type: 'spec.addLink', url: `https://wiki.example.com/doc/${i}`, title: `Doc ${i}` } } })),
      ...Array.from({ length: 5 }, (_, i) => ({ kind: 'same', payload: { baseRev: base.rev, operation: { type: 'spec.editSection', section: 'openQuestions', text: `question from user ${i}` } } })),
    ];
    const results = await Promise.all(payloads.map((p, i) => update('PAY-23', people[i % people.length]!, p.payload)));

    const different = results.filter((_, i) => payloads[i]!.kind === 'different');
    expect(different.every((r) => r.ok)).toBe(true);
    const same = results.filter((_, i) => payloads[i]!.kind === 'same');
    const winners = same.filter((r) => r.ok);
    const conflicts = same.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(4);

    const stored = (await storedRecord('PAY-23')).value as PlanningRecordDto;
    const winningText = stored.spec.sections.openQuestions;
    for (const c of conflicts) {
      expect(c).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { part: 'spec.section.openQuestions', current: winningText } } });
    }
    expect(stored.rev).toBe(base.rev + 16);
    for (const [i, section] of sections.entries()) expect(stored.spec.sections[section]).toBe(`${section} by user ${i}`);
    expect(stored.spec.links.map((l) => l.title).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Doc ${i}`).sort());
  });

  it('never overwrites a stored record it cannot read', async () => {
    const damaged = { schemaVersion: 1, note: 'edited by hand' };
    const put = await fetch(`${site.url}/rest/api/3/issue/PAY-28/properties/planning-readiness`, {
      method: 'PUT',
      headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
      body: JSON.stringify(damaged),
    });
    expect(put.status).toBeLessThan(300);
    const v = ok(await view('PAY-28', USERS.lead.accountId));
    expect(v).toMatchObject({ canEdit: false, recordProblem: expect.stringContaining('damaged') });
    expect(await update('PAY-28', USERS.lead.accountId, { baseRev: 0, operation: { type: 'spec.editSection', section: 'context', text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('It was left as it is') },
    });
    expect((await storedRecord('PAY-28')).value).toEqual(damaged);
  });
});

describe('project settings', () => {
  const settings = (accountId: string, functionKey: string, payload?: unknown) =>
    site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'DATA' }, functionKey, payload }, accountId) as Promise<Result<unknown>>;

  it('shows the seeded architect, lets the admin change settings, and nobody else', async () => {
    expect(await settings(USERS.lead.accountId, 'settings.get')).toMatchObject({ ok: true, data: { canAdminister: true, settings: { architects: [{ displayName: 'Arjun Architect' }] } } });
    const current = ((await settings(USERS.lead.accountId, 'settings.get')) as Result<{ settings: ProjectSettingsDto }> & { ok: true }).data.settings;
    const payload = { architectAccountIds: [USERS.architect.accountId, accountOf('chen@demo.test')], tshirtScale: current.tshirtScale, divergenceThresholdPct: 40 };
    expect(await settings(USERS.architect.accountId, 'settings.update', payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settings(USERS.lead.accountId, 'settings.update', payload)).toMatchObject({ ok: true, data: { architects: [{ displayName: 'Arjun Architect' }, { displayName: 'Chen Wei' }], divergenceThresholdPct: 40 } });
    expect(await settings(USERS.lead.accountId, 'settings.update', { ...payload, divergenceThresholdPct: 'forty' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^divergenceThresholdPct: /) } });
    expect(await settings(USERS.lead.accountId, 'settings.searchUsers', { query: 'chen' })).toMatchObject({ ok: true, data: [{ displayName: 'Chen Wei' }] });
    expect(await settings(USERS.outsider.accountId, 'settings.get')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
