import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { jqlKeys, ok, readProperty } from '../support/planning-site';
import { blockWithRest, depsAdd, depsChange, depsView, needOn, restJson } from '../support/dependencies-site';

/** Issue 9 through the emulator: the demo seed, links in Jira, commitments, JQL. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
  await site.events.drain();
});
afterAll(() => site.close());

describe('the demo seed', () => {
  it('has dependencies in every status, a team and an external one', async () => {
    const statuses = new Set<string>();
    for (const key of ['PAY-12', 'PAY-18', 'PAY-34', 'DATA-34', 'PAY-44', 'DATA-55', 'PAY-55', 'DATA-44']) {
      for (const d of ok(await depsView(site, key, USERS.lead.accountId)).needs) statuses.add(d.commitment!.status);
    }
    expect([...statuses].sort()).toEqual(['COMMITTED', 'DECLINED', 'DELIVERED', 'IDENTIFIED', 'REQUESTED']);
    expect(ok(await depsView(site, 'PAY-55', USERS.lead.accountId)).needs.map((d) => d.far)).toContainEqual({ kind: 'team', name: 'Cobalt' });
    expect(ok(await depsView(site, 'DATA-44', USERS.lead.accountId)).needs.map((d) => d.far)).toContainEqual({ kind: 'external', name: 'Card network sandbox (Visa)' });
  });

  it('is found by JQL: the cycle of three and the late dependency', async () => {
    expect(await jqlKeys(site, 'dependencyCycle = 1')).toEqual(['DATA-55', 'DATA-60', 'DATA-71']);
    expect(await jqlKeys(site, 'lateDependencies > 0')).toContain('PAY-34');
    expect(await jqlKeys(site, 'openDependencies > 0')).toEqual(expect.arrayContaining(['PAY-12', 'PAY-18', 'PAY-34', 'PAY-55']));
  });

  it('raises a "dependency" risk for the late one, once, naming the provider by its key (issue 10)', async () => {
    const register = (await readProperty(site, 'PAY-34', 'planning-readiness-risks')) as { risks: Array<{ title: string; category: string; source: { kind: string } | null }> };
    const raised = register.risks.filter((r) => r.source?.kind === 'dependency');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ category: 'dependency', title: expect.stringMatching(/^Dependency late: [A-Z]+-\d+$/) });
    expect(await jqlKeys(site, 'unroamedRisks > 0')).toContain('PAY-34');
  });

  it('stores issue dependencies as real Jira links, readable over REST, and the commitment keyed by the link id', async () => {
    const view = ok(await depsView(site, 'PAY-12', USERS.lead.accountId));
    const dep = needOn(view, 'DATA-18');
    const linkId = dep.id.replace('link:', '');
    const link = (await restJson(site, `/rest/api/3/issueLink/${linkId}`)) as { type: { name: string }; inwardIssue: { key: string }; outwardIssue: { key: string } };
    expect(link).toMatchObject({ type: { name: 'Blocks' }, inwardIssue: { key: 'DATA-18' }, outwardIssue: { key: 'PAY-12' } });
    const stored = (await readProperty(site, 'PAY-12', 'planning-readiness-dependencies')) as { links: Record<string, { status: string }> };
    expect(stored.links[linkId]).toMatchObject({ status: 'COMMITTED' });
    // The request told the providing issue's assignee, with a mention.
    const comments = (await restJson(site, '/rest/api/3/issue/DATA-18/comment')) as { comments: Array<{ body: { content: Array<{ content: Array<{ type: string }> }> } }> };
    expect(comments.comments.some((c) => c.body.content[0]!.content[0]!.type === 'mention')).toBe(true);
  });

  it('counts the links made before the app in JQL (the seed saved the link-type settings)', async () => {
    // PAY-50 blocks DATA-7, DATA-50 blocks PAY-7: links of the demo site itself.
    expect(await jqlKeys(site, 'openDependencies > 0')).toEqual(expect.arrayContaining(['DATA-7', 'PAY-7']));
  });

  it('shows links of a mapped type that the app never saw as Identified', async () => {
    // PAY-50 blocks DATA-7 in the demo site's own links.
    const view = ok(await depsView(site, 'DATA-7', USERS.lead.accountId));
    expect(needOn(view, 'PAY-50').commitment).toMatchObject({ status: 'IDENTIFIED' });
    expect(ok(await depsView(site, 'PAY-50', USERS.lead.accountId)).neededBy.map((d) => d.far)).toContainEqual(expect.objectContaining({ kind: 'issue', key: 'DATA-7' }));
  });
});

describe('commitments', () => {
  it('only the providing side commits; the dependent side requests', async () => {
    const added = ok(await depsAdd(site, 'PAY-60', USERS.lead.accountId, 'PAY-71', { description: 'Payout file format', neededBy: { date: '2027-02-01', release: null } }));
    const dep = needOn(added.view, 'PAY-71');
    expect(dep.commitment).toMatchObject({ status: 'IDENTIFIED', description: 'Payout file format' });
    expect(ok(await depsChange(site, 'PAY-60', USERS.lead.accountId, { type: 'request', dependencyId: dep.id })).view.needs.find((d) => d.id === dep.id)!.commitment!.status).toBe('REQUESTED');
    // The viewer may edit neither side.
    const refused = await depsChange(site, 'PAY-60', USERS.viewer.accountId, { type: 'commit', dependencyId: dep.id, committedBy: { date: '2027-01-20', release: null } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The architect commits from the providing issue's own panel.
    const committed = ok(await depsChange(site, 'PAY-71', USERS.architect.accountId, { type: 'commit', dependencyId: dep.id, committedBy: { date: '2027-01-20', release: null } }));
    expect(committed.view.neededBy.find((d) => d.id === dep.id)!.commitment).toMatchObject({ status: 'COMMITTED', committedBy: { date: '2027-01-20' }, decidedBy: { by: { accountId: USERS.architect.accountId } } });
    const declined = await depsChange(site, 'PAY-71', USERS.architect.accountId, { type: 'decline', dependencyId: dep.id, reason: ' ' });
    expect(declined).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Reason: enter a reason.' } });
  });

  it('does not believe a commitment written over REST', async () => {
    const added = ok(await depsAdd(site, 'DATA-12', USERS.lead.accountId, 'DATA-23', { request: true }));
    const dep = needOn(added.view, 'DATA-23');
    const linkId = dep.id.replace('link:', '');
    const stored = (await readProperty(site, 'DATA-12', 'planning-readiness-dependencies')) as { links: Record<string, Record<string, unknown>> };
    const forged = { ...stored, links: { ...stored.links, [linkId]: { ...stored.links[linkId], status: 'COMMITTED', committedBy: { date: '2027-01-01', release: null } } } };
    const r = await fetch(`${site.url}/rest/api/3/issue/DATA-12/properties/planning-readiness-dependencies`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`${USERS.lead.email}:x`).toString('base64')}`, 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(r.status).toBe(200);
    await site.events.drain();
    const view = ok(await depsView(site, 'DATA-12', USERS.lead.accountId));
    expect(needOn(view, 'DATA-23')).toMatchObject({ unverified: true, commitment: { status: 'REQUESTED' } });
    expect(view.integrity.changedOutsideApp).toBe(true);
  });

  it('refuses a needed-by date that has passed, and shows one that has passed since as overdue and late (user test 7)', async () => {
    const past = { date: '2001-02-03', release: null };
    expect(await depsAdd(site, 'PAY-2', USERS.lead.accountId, 'PAY-23', { neededBy: past })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Needed by: 2001-02-03 has already passed; choose today or a later date.' } });
    const added = ok(await depsAdd(site, 'PAY-2', USERS.lead.accountId, 'PAY-23', { request: true }));
    const linkId = needOn(added.view, 'PAY-23').id.replace('link:', '');
    // The date passing is simulated by writing it over REST: a needed-by date carries no authority, so it is kept.
    const stored = (await readProperty(site, 'PAY-2', 'planning-readiness-dependencies')) as { links: Record<string, Record<string, unknown>> };
    const aged = { ...stored, links: { ...stored.links, [linkId]: { ...stored.links[linkId], neededBy: past } } };
    const r = await fetch(`${site.url}/rest/api/3/issue/PAY-2/properties/planning-readiness-dependencies`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`${USERS.lead.email}:x`).toString('base64')}`, 'content-type': 'application/json' }, body: JSON.stringify(aged) });
    expect(r.status).toBe(200);
    const view = ok(await depsView(site, 'PAY-2', USERS.lead.accountId));
    expect(needOn(view, 'PAY-23')).toMatchObject({ overdue: true, late: true, commitment: { status: 'REQUESTED', neededBy: past } });
    expect(view.facts.late).toBeGreaterThanOrEqual(1);
  });
});

describe('a cycle closed with a plain REST link', () => {
  it('is flagged in JQL within 10 seconds, and unflagged when the link goes', async () => {
    // PAY-2 <- PAY-7 ... build PAY-23 -> PAY-28 -> PAY-39 through the app, then close it over REST.
    ok(await depsAdd(site, 'PAY-23', USERS.lead.accountId, 'PAY-28'));
    ok(await depsAdd(site, 'PAY-28', USERS.lead.accountId, 'PAY-39'));
    expect(await jqlKeys(site, 'dependencyCycle = 1 AND project = PAY')).toEqual([]);
    const started = Date.now();
    expect(await blockWithRest(site, 'PAY-23', 'PAY-39')).toBe(201);
    await site.events.drain();
    expect(await jqlKeys(site, 'dependencyCycle = 1 AND project = PAY')).toEqual(['PAY-23', 'PAY-28', 'PAY-39']);
    expect(Date.now() - started).toBeLessThan(10_000);
    const link = needOn(ok(await depsView(site, 'PAY-39', USERS.lead.accountId)), 'PAY-23');
    expect(link.onCycle).toBe(true);
    const del = await fetch(`${site.url}/rest/api/3/issueLink/${link.id.replace('link:', '')}`, { method: 'DELETE', headers: { authorization: `Basic ${Buffer.from(`${USERS.lead.email}:x`).toString('base64')}` } });
    expect(del.status).toBe(204);
    await site.events.drain();
    expect(await jqlKeys(site, 'dependencyCycle = 1 AND project = PAY')).toEqual([]);
  });
});

describe('permissions', () => {
  it('shows a user who cannot browse the far end that a dependency exists, not what it is', async () => {
    // Oscar works in PAY only; PAY-12 depends on DATA-18.
    const view = ok(await depsView(site, 'PAY-12', USERS.outsider.accountId));
    const hidden = view.needs.filter((d) => d.far.kind === 'hidden');
    expect(hidden).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('DATA-18');
    expect(view.map.nodes.map((n) => n.key)).not.toContain('DATA-18');
    // The hidden dependency is still this issue's: the header counts it as the list and readiness do.
    expect(view.facts.open).toBe(view.needs.filter((d) => d.commitment?.status !== 'DELIVERED' && d.commitment?.status !== 'DECLINED').length);
    expect(view.facts.open).toBeGreaterThan(0);
    // Where the dependent is the hidden one, not even its commitment is shown.
    const provider = ok(await depsView(site, 'PAY-50', USERS.outsider.accountId));
    expect(provider.neededBy).toEqual([expect.objectContaining({ far: { kind: 'hidden' }, commitment: null })]);
  });

  it('lets nobody without edit rights add a dependency', async () => {
    const r = await depsAdd(site, 'PAY-2', USERS.viewer.accountId, 'PAY-7');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the project page', () => {
  it('reads the portfolio: the cycle, the matrix and the cross-project ends', async () => {
    const r = (await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey: 'DATA' }, functionKey: 'dependencies.portfolio', payload: {} }, USERS.lead.accountId)) as { ok: true; data: import('../../src/shared/contract/dependencies').PortfolioDependenciesDto };
    const p = ok(r);
    expect(p.nodes.filter((n) => n.onCycle).map((n) => n.key).sort()).toEqual(['DATA-55', 'DATA-60', 'DATA-71']);
    expect(p.nodes.map((n) => n.key)).toContain('PAY-12');
    expect(p.matrix.teams).toEqual(expect.arrayContaining(['Atlas', 'Borealis', 'Cobalt']));
    expect(p.warnings).toEqual([]);
  });
});

describe("Jira's limits", () => {
  it('refuses a 2,001st link with a clear message, in the app and over REST (413)', async () => {
    const data = site.store.data;
    const full = data.issues.find((i) => i.key === 'PAY-66')!;
    const others = data.issues.filter((i) => i.projectId === full.projectId && i.id !== full.id);
    const existing = data.links.filter((l) => l.inwardIssueId === full.id || l.outwardIssueId === full.id).length;
    const added = Array.from({ length: 2_000 - existing }, (_, n) => ({ id: `9${String(n).padStart(6, '0')}`, typeId: '10003', inwardIssueId: full.id, outwardIssueId: others[n % others.length]!.id }));
    data.links.push(...added);
    try {
      const r = await depsAdd(site, 'PAY-71', USERS.lead.accountId, 'PAY-66');
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('PAY-66 already has 2,000 issue links') } });
      expect(await blockWithRest(site, 'PAY-66', 'PAY-71')).toBe(413);
    } finally {
      data.links = data.links.filter((l) => !added.includes(l));
    }
  });
});

describe('repairs and settings', () => {
  it('puts a forged dependency count in the JQL summary back', async () => {
    const summary = (await readProperty(site, 'DATA-60', 'planning-readiness-summary')) as { dependencies: { cycle: number } };
    expect(summary.dependencies.cycle).toBe(1);
    const forged = { ...summary, dependencies: { ...summary.dependencies, cycle: 0 } };
    const r = await fetch(`${site.url}/rest/api/3/issue/DATA-60/properties/planning-readiness-summary`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`${USERS.lead.email}:x`).toString('base64')}`, 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(r.status).toBe(200);
    await site.events.drain();
    expect(await jqlKeys(site, 'dependencyCycle = 1')).toContain('DATA-60');
  });

  it('maps more link types per project, for its administrators only', async () => {
    const settings = (fn: string, email: string, payload: unknown = {}) =>
      site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey: fn, payload }, USERS[email as 'lead'].accountId);
    const both = { linkTypes: [{ name: 'blocks', dependentReads: 'inward' }, { name: 'Relates', dependentReads: 'inward' }] };
    expect(await settings('settings.dependencies.update', 'architect', both)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settings('settings.dependencies.update', 'lead', { linkTypes: [{ name: 'Nope', dependentReads: 'inward' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'There is no issue link type named "Nope" on this site.' } });
    expect(await settings('settings.dependencies.update', 'lead', both)).toMatchObject({ ok: true, data: { settings: { linkTypes: [{ name: 'Blocks' }, { name: 'Relates' }] } } });
    try {
      // PAY-23 "relates to" DATA-28 in the demo site: from PAY-23, a Relates link now reads as a dependency.
      const view = ok(await depsView(site, 'PAY-23', USERS.lead.accountId));
      expect([...view.needs, ...view.neededBy].map((d) => d.linkType)).toContain('Relates');
      expect(view.linkTypes.map((t) => t.name)).toEqual(['Blocks', 'Relates']);
    } finally {
      await settings('settings.dependencies.update', 'lead', { linkTypes: [{ name: 'Blocks', dependentReads: 'inward' }] });
    }
  });
});
