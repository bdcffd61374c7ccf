import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { jqlKeys, ok, readProperty, writeProperty } from '../support/planning-site';
import { addRisk, portfolioRisks, riskUpdate, riskView } from '../support/risks-site';

/** Issue 10 through the emulator: the demo's registers, writes, rights, JQL and forged acceptances. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

describe('the demo risk registers', () => {
  it('hold every rating and every ROAM state, and one risk raised by a late dependency', async () => {
    const views = await Promise.all(['PAY-1', 'PAY-2', 'PAY-7', 'DATA-1'].map(async (k) => ok(await riskView(site, k, USERS.lead.accountId))));
    const risks = views.flatMap((v) => v.risks);
    expect(new Set(risks.map((r) => r.rating))).toEqual(new Set(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']));
    expect(new Set(risks.map((r) => r.roam.state))).toEqual(new Set(['UNROAMED', 'RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED']));
    const raised = views[1]!.risks.filter((r) => r.dependencyId !== null);
    expect(raised).toEqual([expect.objectContaining({ category: 'dependency', roam: { state: 'UNROAMED' }, title: expect.stringMatching(/^Dependency late: DATA-/) })]);
    // The accepted risk's proof holds: it counts as accepted.
    expect(views[0]!.integrity).toEqual({ changedOutsideApp: false, message: null, unverifiedAcceptances: [] });
  });

  it('answers riskLevel and unroamedRisks in JQL', async () => {
    // The seeded items only: other tests here add risks elsewhere, in any order.
    const seeded = 'key in (PAY-1, PAY-2, PAY-7, DATA-1, DATA-2)';
    expect(await jqlKeys(site, `riskLevel >= 3 AND ${seeded}`)).toEqual(['DATA-1', 'PAY-1', 'PAY-2', 'PAY-7']);
    expect(await jqlKeys(site, `riskLevel = 4 AND ${seeded}`)).toEqual(['PAY-7']);
    expect(await jqlKeys(site, `unroamedRisks > 0 AND ${seeded}`)).toEqual(['DATA-1', 'PAY-2', 'PAY-7']);
  });
});

describe('risks.update', () => {
  it('adds, rates and ROAMs a risk, stores it in planning-readiness-risks, and JQL follows', async () => {
    const before = ok(await riskView(site, 'PAY-12', USERS.lead.accountId));
    expect(before.risks).toEqual([]);
    const added = ok(await riskUpdate(site, 'PAY-12', USERS.lead.accountId, before.rev, addRisk('Scheme adapter load untested', 4, 3)));
    const risk = added.view.risks[0]!;
    expect(risk).toMatchObject({ score: 12, rating: 'HIGH', roam: { state: 'UNROAMED' }, created: { by: { accountId: USERS.lead.accountId } } });
    expect(added.warnings).toEqual([]);
    expect(await jqlKeys(site, 'riskLevel = 3 AND unroamedRisks = 1 AND key = PAY-12')).toEqual(['PAY-12']);

    const owned = ok(await riskUpdate(site, 'PAY-12', USERS.architect.accountId, added.view.rev, { type: 'risk.roam', riskId: risk.id, roam: { state: 'OWNED', ownerAccountId: USERS.architect.accountId } }));
    expect(owned.view.risks[0]!.roam).toMatchObject({ state: 'OWNED', owner: { displayName: USERS.architect.name } });
    expect(owned.view.counts).toEqual({ level: 3, unroamed: 0, blocking: 0 });
    expect(await jqlKeys(site, 'unroamedRisks > 0 AND key = PAY-12')).toEqual([]);
    const stored = await readProperty(site, 'PAY-12', 'planning-readiness-risks');
    expect(stored).toMatchObject({ schemaVersion: 1, rev: owned.view.rev, risks: [{ id: risk.id, roam: { state: 'OWNED' } }] });
    expect(owned.view.history.map((h) => h.what)).toEqual(['Raised "Scheme adapter load untested"', 'Owned: "Scheme adapter load untested" (owner Arjun Architect)']);
  });

  it('refuses missing required fields with a clear message and saves nothing', async () => {
    const view = ok(await riskView(site, 'PAY-2', USERS.lead.accountId));
    const risk = view.risks.find((r) => r.roam.state === 'UNROAMED' && r.dependencyId === null)!;
    const mitigate = await riskUpdate(site, 'PAY-2', USERS.lead.accountId, view.rev, { type: 'risk.roam', riskId: risk.id, roam: { state: 'MITIGATED', plan: ' ', residual: { likelihood: 1, impact: 1 } } });
    expect(mitigate).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Mitigation plan: required.' } });
    const owner = await riskUpdate(site, 'PAY-2', USERS.lead.accountId, view.rev, { type: 'risk.roam', riskId: risk.id, roam: { state: 'OWNED', ownerAccountId: 'nobody-here' } });
    expect(owner).toMatchObject({ ok: false, error: { message: 'Owner: choose the person who owns the response.' } });
    const rating = await riskUpdate(site, 'PAY-2', USERS.lead.accountId, view.rev, addRisk('Too likely', 6, 2));
    expect(rating).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Likelihood: choose a level from 1 to 5.' } });
    expect(ok(await riskView(site, 'PAY-2', USERS.lead.accountId)).rev).toBe(view.rev);
  });

  it('keeps both of two edits to different risks from one revision, and refuses a stale edit of the same risk', async () => {
    const first = ok(await riskUpdate(site, 'PAY-17', USERS.lead.accountId, ok(await riskView(site, 'PAY-17', USERS.lead.accountId)).rev, addRisk('Passkey support varies', 3, 3)));
    const view = ok(await riskUpdate(site, 'PAY-17', USERS.lead.accountId, first.view.rev, addRisk('Regulator guidance late', 2, 2))).view;
    const [a, b] = view.risks.slice(-2);
    ok(await riskUpdate(site, 'PAY-17', USERS.lead.accountId, view.rev, { type: 'risk.rate', riskId: a!.id, rating: { likelihood: 2, impact: 4 } }));
    ok(await riskUpdate(site, 'PAY-17', USERS.architect.accountId, view.rev, { type: 'risk.rate', riskId: b!.id, rating: { likelihood: 2, impact: 3 } }));
    const stale = await riskUpdate(site, 'PAY-17', USERS.architect.accountId, view.rev, { type: 'risk.rate', riskId: a!.id, rating: { likelihood: 5, impact: 5 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { part: `risk.${a!.id}`, current: { rating: { likelihood: 2, impact: 4 } } } } });
  });
});

describe('rights', () => {
  it('lets a viewer read but not write', async () => {
    const view = ok(await riskView(site, 'PAY-1', USERS.viewer.accountId));
    expect(view.canEdit).toBe(false);
    expect(await riskUpdate(site, 'PAY-1', USERS.viewer.accountId, view.rev, addRisk('Viewer risk', 1, 1))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('shows an outsider nothing of a project they cannot browse, in the panel or the portfolio', async () => {
    expect(await riskView(site, 'DATA-1', USERS.outsider.accountId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await riskUpdate(site, 'DATA-1', USERS.outsider.accountId, 0, addRisk('Outsider risk', 1, 1))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await portfolioRisks(site, 'DATA', USERS.outsider.accountId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('risks.portfolio', () => {
  it('lists the project risks with their items, team and release', async () => {
    const portfolio = ok(await portfolioRisks(site, 'PAY', USERS.viewer.accountId));
    expect(portfolio.warnings).toEqual([]);
    expect([...new Set(portfolio.risks.map((r) => r.issue.key))]).toEqual(expect.arrayContaining(['PAY-1', 'PAY-2', 'PAY-7']));
    expect(portfolio.risks.every((r) => r.issue.key.startsWith('PAY-'))).toBe(true);
    const pay2 = portfolio.risks.find((r) => r.issue.key === 'PAY-2')!;
    expect(pay2.issue).toMatchObject({ team: expect.any(String), releases: [expect.any(String)] });
  });
});

describe('a forged acceptance', () => {
  it('counts nowhere: the risk is unROAMed in the panel, the portfolio and JQL', async () => {
    const view = ok(await riskView(site, 'PAY-7', USERS.lead.accountId));
    const stored = (await readProperty(site, 'PAY-7', 'planning-readiness-risks')) as { risks: Array<Record<string, unknown> & { id: string }> };
    const critical = view.risks.find((r) => r.rating === 'CRITICAL')!;
    const forged = {
      ...stored,
      risks: stored.risks.map((r) => (r.id === critical.id ? { ...r, roam: { state: 'ACCEPTED', rationale: 'Fine', by: { accountId: USERS.architect.accountId, displayName: USERS.architect.name }, at: '2026-11-24T09:00:00.000Z' } } : r)),
    };
    expect(await writeProperty(site, USERS.lead.email, 'PAY-7', 'planning-readiness-risks', forged)).toBe(200);
    // The JQL summary can be written over REST too: the repair trigger puts the risks section back.
    const summary = (await readProperty(site, 'PAY-7', 'planning-readiness-summary')) as Record<string, unknown>;
    expect(await writeProperty(site, USERS.lead.email, 'PAY-7', 'planning-readiness-summary', { ...summary, risks: { level: 0, unroamed: 0, blocking: 0 } })).toBe(200);
    await site.events.drain();
    const after = ok(await riskView(site, 'PAY-7', USERS.lead.accountId));
    expect(after.integrity).toMatchObject({ changedOutsideApp: true, unverifiedAcceptances: [critical.id] });
    expect(after.risks.find((r) => r.id === critical.id)!.roam).toEqual({ state: 'UNROAMED' });
    expect(ok(await portfolioRisks(site, 'PAY', USERS.lead.accountId)).risks.find((r) => r.risk.id === critical.id)!.risk.roam.state).toBe('UNROAMED');
    expect(await jqlKeys(site, 'unroamedRisks > 0 AND riskLevel = 4 AND key = PAY-7')).toEqual(['PAY-7']);
  });
});

describe('risk settings', () => {
  const settings = (accountId: string, functionKey: string, payload?: unknown) =>
    site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'DATA' }, functionKey, payload }, accountId) as Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  const stricter = { likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Certain'], impactLabels: ['Tiny', 'Small', 'Medium', 'Large', 'Huge'], thresholds: { medium: 3, high: 6, critical: 12 } };

  it('are the defaults until an administrator changes them; then the project rates with them', async () => {
    expect(await settings(USERS.viewer.accountId, 'settings.risks.get')).toMatchObject({ ok: true, data: { canAdminister: false, settings: { thresholds: { medium: 5, high: 10, critical: 20 } } } });
    expect(await settings(USERS.architect.accountId, 'settings.risks.update', stricter)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settings(USERS.lead.accountId, 'settings.risks.update', { ...stricter, thresholds: { medium: 6, high: 3, critical: 12 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Thresholds/) } });
    expect(await settings(USERS.lead.accountId, 'settings.risks.update', stricter)).toMatchObject({ ok: true, data: stricter });
    // 2 x 2 = 4 is Low under the defaults; it is Medium under these thresholds.
    const view = ok(await riskView(site, 'DATA-7', USERS.lead.accountId));
    const added = ok(await riskUpdate(site, 'DATA-7', USERS.lead.accountId, view.rev, addRisk('Small but real', 2, 2)));
    expect(added.view.settings.impactLabels[4]).toBe('Huge');
    expect(added.view.risks.find((r) => r.title === 'Small but real')?.rating).toBe('MEDIUM');
  });
});
