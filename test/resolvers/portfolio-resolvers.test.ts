import type { LocalSite } from '../../local/host/site';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import type { ReadinessViewDto } from '../../src/shared/contract/readiness';
import type { PortfolioViewDto } from '../../src/shared/contract/project-page';
import { packMoment } from '../../src/domain/portfolio/pack-dates';
import { portfolioCall, portfolioCommit, portfolioExport, portfolioSnapshot, portfolioView, takeSnapshotNow, WHOLE } from '../support/portfolio-site';

/** The readiness view on the demo site, through the real resolvers, the emulator and Forge KVS. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const planningKeys = (projectKey: string): string[] =>
  site.store.data.issues
    .filter((i) => i.key.startsWith(`${projectKey}-`) && (site.store.data.issueTypes.find((t) => t.id === i.issueTypeId)?.hierarchyLevel ?? 0) >= 1)
    .map((i) => i.key)
    .sort();

describe('portfolio.view: the fresh readiness view', () => {
  it("shows the project's epics and features with their summaries, and tiles that add up", async () => {
    const view = ok(await portfolioView(site, 'PAY', USERS.lead.accountId));
    expect(view.source.kind).toBe('live');
    expect(view.rows.map((r) => r.key).sort()).toEqual(planningKeys('PAY'));
    const t = view.tiles;
    expect(t.total).toBe(view.rows.length);
    expect(t.ready + t.atRisk + t.notReady + t.notScored).toBe(t.total);
    // PAY-2's record was approved and estimated through the app by the demo seed.
    const pay2 = view.rows.find((r) => r.key === 'PAY-2')!;
    expect(pay2).toMatchObject({ summary: 'Ledger posting service', team: 'Atlas', specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: false });
    expect(t.specApproved).toBe(view.rows.filter((r) => r.specStatus === 'APPROVED' && !r.changedOutsideApp).length);
    expect(view.warnings).toEqual([]);
    expect(view.computeMs).toBeGreaterThanOrEqual(0);
  });

  it('narrows the scope by release, issue type and JQL', async () => {
    const features = ok(await portfolioView(site, 'PAY', USERS.lead.accountId, { ...WHOLE, issueTypes: ['Feature'] }));
    expect(features.rows.length).toBeGreaterThan(0);
    expect(features.rows.every((r) => r.issueType === 'Feature')).toBe(true);
    const released = ok(await portfolioView(site, 'PAY', USERS.lead.accountId, { ...WHOLE, release: '2026.4' }));
    expect(released.rows.every((r) => r.releases.includes('2026.4'))).toBe(true);
    const byJql = ok(await portfolioView(site, 'PAY', USERS.lead.accountId, { ...WHOLE, jql: 'key = PAY-2' }));
    expect(byJql.rows.map((r) => r.key)).toEqual(['PAY-2']);
  });

  it("rejects a bad scope with a clear message: Jira's own for bad JQL, the app's for ORDER BY and bad fields", async () => {
    // Jira's error is placed in what the user typed, not in the longer query the app ran.
    const typo = { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Error in your JQL: .*\(character (8|9|10)\)$/) } };
    expect(await portfolioView(site, 'PAY', USERS.lead.accountId, { ...WHOLE, jql: 'status = = x' })).toMatchObject(typo);
    expect(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'csv', { ...WHOLE, jql: 'status = = x' })).toMatchObject(typo);
    // The first paint's snapshot runs the same JQL: it tells the same message, placed in what was typed.
    await takeSnapshotNow(site);
    expect(await portfolioSnapshot(site, 'PAY', USERS.lead.accountId, { ...WHOLE, jql: 'status = = x' })).toMatchObject(typo);
    expect(await portfolioView(site, 'PAY', USERS.lead.accountId, { ...WHOLE, jql: 'key = PAY-2 ORDER BY rank' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('ORDER BY') } });
    expect(await portfolioCall(site, 'portfolio.view', 'PAY', USERS.lead.accountId, { scope: { ...WHOLE, sneaky: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('sneaky') } });
    expect(await portfolioCall(site, 'portfolio.view', 'PAY', USERS.lead.accountId, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('scope') } });
  });
});

describe('the daily snapshot and the first paint', () => {
  it('paints from the snapshot written as the app, with the trend, filtered by the user', async () => {
    await takeSnapshotNow(site);
    const live = ok(await portfolioView(site, 'PAY', USERS.viewer.accountId));
    const painted = ok(await portfolioSnapshot(site, 'PAY', USERS.viewer.accountId))!;
    expect(painted.source.kind).toBe('snapshot');
    expect(painted.rows.map((r) => r.key)).toEqual(live.rows.map((r) => r.key));
    expect(painted.tiles).toEqual(live.tiles);
    expect(painted.trend.points).toEqual([expect.objectContaining({ total: live.tiles.total, date: painted.source.at.slice(0, 10) })]);
    // A scope narrows the snapshot through the user's own search, and the whole-project trend is not shown.
    const scoped = ok(await portfolioSnapshot(site, 'PAY', USERS.viewer.accountId, { ...WHOLE, jql: 'key = PAY-2' }))!;
    expect(scoped.rows.map((r) => r.key)).toEqual(['PAY-2']);
    expect(scoped.trend.points).toBeNull();
  });
});

describe('commit the plan', () => {
  it('stores a baseline with who committed it, then shows the drift since', async () => {
    const committed = ok(await portfolioCommit(site, 'PAY', USERS.lead.accountId));
    expect(committed.baseline).toMatchObject({ committedBy: { accountId: USERS.lead.accountId, displayName: 'Lena Lead' }, drift: { added: [], removed: [] } });
    const created = await fetch(`${site.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'PAY' }, issuetype: { name: 'Feature' }, summary: 'Added after the plan was committed' } }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const after = ok(await portfolioView(site, 'PAY', USERS.viewer.accountId));
    expect(after.baseline?.committedBy.displayName).toBe('Lena Lead');
    expect(after.baseline?.drift.added).toEqual([{ key, summary: 'Added after the plan was committed' }]);
  });

  it('lets only people who can edit issues commit, and tells the page whom to offer it', async () => {
    expect(await portfolioCommit(site, 'PAY', USERS.viewer.accountId)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('commit the plan') } });
    await takeSnapshotNow(site);
    for (const [user, canEdit] of [[USERS.viewer, false], [USERS.lead, true]] as const) {
      expect(ok(await portfolioView(site, 'PAY', user.accountId)).canEdit).toBe(canEdit);
      expect(ok(await portfolioSnapshot(site, 'PAY', user.accountId))!.canEdit).toBe(canEdit);
    }
    // After its first paint the page knows, and its fresh read does not ask Jira again.
    const fresh = ok(await portfolioCall<PortfolioViewDto>(site, 'portfolio.view', 'PAY', USERS.lead.accountId, { scope: WHOLE, withAccess: false }));
    expect(fresh.canEdit).toBeNull();
    expect(fresh.rowsTotal).toBeGreaterThan(0);
  });
});

describe('exports', () => {
  it('exports the table as CSV, one line per item, content checked', async () => {
    const file = ok(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'csv'));
    expect(file).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/^planning-readiness-PAY-\d{4}-\d{2}-\d{2}\.csv$/) });
    const lines = file.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Key,Summary,Type,Status,Team,Releases,Readiness score,Readiness state,Spec status,Estimate confidence,Estimate against bottom-up,Open dependencies,Late dependencies,Risk level,Blocking risks,Open impediments,Readiness reasons');
    expect(lines).toHaveLength(planningKeys('PAY').length + 1);
    expect(lines.find((l) => l.startsWith('PAY-2,'))).toMatch(/^PAY-2,Ledger posting service,Feature,In Progress,Atlas,2027\.1,[^,]*,[^,]+,Approved,4,/);
  });

  it('exports the Markdown planning pack with readiness, the spec summary, dependencies, risks and open questions', async () => {
    const file = ok(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'markdown'));
    expect(file.mimeType).toBe('text/markdown');
    // The record read in the same batch as the summary: the spec's text from the demo's planning record.
    const pay2 = file.content.slice(file.content.indexOf('## PAY-2: Ledger posting service'));
    const headings = pay2.split('\n').filter((l) => l.startsWith('**')).map((l) => l.slice(0, l.indexOf(':**') + 3));
    expect(headings.slice(0, 6)).toEqual(['**Readiness:**', '**Spec:**', '**Dependencies:**', '**Risks:**', '**Impediments:**', '**Open questions:**']);
    expect(pay2).toMatch(/\*\*Spec:\*\* Approved\n- Context: Payments need one place that turns an accepted payment into balanced ledger entries/);
    expect(pay2).toMatch(/\*\*Open questions:\*\*\nWho owns the posting schema once other products post to the ledger\?/);
  });

  it("names each item's reasons in words, as the table scores them, and opens with the drift since the committed plan", async () => {
    const view = ok(await portfolioView(site, 'PAY', USERS.lead.accountId));
    const md = ok(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'markdown')).content;
    const pay2 = view.rows.find((r) => r.key === 'PAY-2')!;
    const section = md.slice(md.indexOf('## PAY-2:'), md.indexOf('**Spec:**', md.indexOf('## PAY-2:')));
    expect(pay2.readiness!.reasons.length).toBeGreaterThan(0);
    for (const r of pay2.readiness!.reasons) expect(section).toMatch(new RegExp(`\\n- ${r.title}: ${r.earned} of ${r.weight} points\\. \\S[^\\n]*\\.`));
    // The demo committed PAY's plan (the seed): the pack lists the same drift as the page.
    const drift = view.baseline!.drift;
    const plan = md.slice(md.indexOf('## Drift since the committed plan'), md.indexOf('\n## PAY-'));
    expect(plan).toContain(`Committed by ${view.baseline!.committedBy.displayName} on ${packMoment(view.baseline!.committedAt)}.`);
    for (const item of [...drift.added, ...drift.removed, ...drift.estimateChanged, ...drift.readinessDropped]) expect(plan).toContain(`- ${item.key}: `);
    expect(drift.added.length + drift.removed.length + drift.estimateChanged.length + drift.readinessDropped.length).toBeGreaterThan(0);
  });
});

describe('portfolio.explain: an expanded row in words', () => {
  it("gives each criterion's reason and next step, with the points the table shows", async () => {
    const row = ok(await portfolioView(site, 'PAY', USERS.lead.accountId)).rows.find((r) => r.key === 'PAY-2')!;
    const why = ok(await portfolioCall<ReadinessViewDto>(site, 'portfolio.explain', 'PAY', USERS.lead.accountId, { issueKey: 'PAY-2' }));
    expect(why.storedScore).toBe(row.readiness!.score);
    expect(why.criteria.map(({ criterion, title, weight, earned }) => ({ criterion, title, weight, earned }))).toEqual(row.readiness!.reasons);
    for (const c of why.criteria) expect(c.reason).toMatch(/\S/);
    expect(why.criteria.filter((c) => c.earned < c.weight).every((c) => c.nextStep)).toBe(true);
  });

  it('refuses a key that is not an issue key, and an issue the user cannot browse is not found', async () => {
    expect(await portfolioCall(site, 'portfolio.explain', 'PAY', USERS.lead.accountId, { issueKey: 'PAY-2) OR (1=1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const hidden = await portfolioCall(site, 'portfolio.explain', 'PAY', USERS.outsider.accountId, { issueKey: 'DATA-1' });
    expect(hidden).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('DATA-1') } });
    expect(JSON.stringify(hidden)).not.toMatch(/score|criteria/);
  });
});

describe('outsider@demo.test sees nothing of a project they cannot browse', () => {
  it('gets "not found" from every readiness function, for a project that has a snapshot and a baseline', async () => {
    await takeSnapshotNow(site);
    ok(await portfolioCommit(site, 'DATA', USERS.lead.accountId));
    const answers = [
      await portfolioView(site, 'DATA', USERS.outsider.accountId),
      await portfolioSnapshot(site, 'DATA', USERS.outsider.accountId),
      await portfolioCommit(site, 'DATA', USERS.outsider.accountId),
      await portfolioExport(site, 'DATA', USERS.outsider.accountId, 'csv'),
      await portfolioExport(site, 'DATA', USERS.outsider.accountId, 'markdown'),
    ];
    for (const a of answers) expect(a).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Project DATA') } });
    expect(JSON.stringify(answers)).not.toMatch(/DATA-\d/);
  });

  it('cannot reach DATA through the JQL of a project it may browse', async () => {
    const view = ok(await portfolioView(site, 'PAY', USERS.outsider.accountId, { ...WHOLE, jql: 'project = DATA OR key = DATA-1' }));
    expect(view.rows.filter((r) => r.projectKey === 'DATA')).toEqual([]);
    const csv = ok(await portfolioExport(site, 'PAY', USERS.outsider.accountId, 'csv', { ...WHOLE, jql: 'key in (DATA-1, DATA-2)' })).content;
    expect(csv).not.toMatch(/DATA-\d/);
    const pack = ok(await portfolioExport(site, 'PAY', USERS.outsider.accountId, 'markdown', { ...WHOLE, jql: 'key in (DATA-1, DATA-2)' })).content;
    expect(pack).not.toMatch(/DATA-\d/);
  }, 60_000);
});

describe('the demo seed', () => {
  it('has a committed plan for each project, and drift since it', async () => {
    const fresh = await startTestSite();
    try {
      const view = ok(await portfolioView(fresh, 'PAY', USERS.lead.accountId));
      expect(view.baseline?.committedBy.displayName).toBe('Lena Lead');
      expect(view.baseline?.drift.estimateChanged).toEqual([{ key: 'PAY-17', summary: expect.any(String), from: 3, to: 4 }]);
      expect(ok(await portfolioView(fresh, 'DATA', USERS.lead.accountId)).baseline?.committedBy.displayName).toBe('Lena Lead');
    } finally {
      await fresh.close();
    }
  });
});
