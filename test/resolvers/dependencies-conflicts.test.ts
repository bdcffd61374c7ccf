import type { LocalSite } from '../../local/host/site';
import type { DependencyViewDto } from '../../src/shared/contract/dependencies';
import { depsChange, depsView } from '../support/dependencies-site';
import { startTestSite, USERS } from '../support/local-site';
import { ok, readProperty } from '../support/planning-site';

/** Issue 14: two people edit one dependency through the emulator; the second is told, and nothing is lost. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
  await site.events.drain();
});
afterAll(() => site.close());

const ISSUE = 'PAY-12';
const teamDependency = (view: DependencyViewDto, team: string) => view.needs.find((d) => d.far.kind === 'team' && d.far.name === team)!;
const edit = (dependencyId: string, baseRev: number, description: string) => ({ type: 'edit', dependencyId, baseRev, description, neededBy: null, ownerAccountId: null });

it('refuses an edit made from an older revision with a CONFLICT that names who changed what, and saves it once resent', async () => {
  const added = ok(await depsChange(site, ISSUE, USERS.lead.accountId, { type: 'add', target: { kind: 'team', team: 'Quartz' }, description: 'Sandbox', neededBy: null, ownerAccountId: null }));
  const opened = teamDependency(added.view, 'Quartz');
  // Both opened the form at the same revision; the architect saves first.
  ok(await depsChange(site, ISSUE, USERS.architect.accountId, edit(opened.id, opened.rev, 'Sandbox with test cards')));
  const refused = await depsChange(site, ISSUE, USERS.lead.accountId, edit(opened.id, opened.rev, 'Sandbox, EU region'));
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'CONFLICT',
      message: 'Arjun Architect changed this dependency after you opened it ("Edited the dependency"). Their version is shown next to yours. Nothing was saved.',
      conflict: { part: `dependency.${opened.id}`, current: { description: 'Sandbox with test cards', neededBy: null, owner: null, status: 'IDENTIFIED' }, rev: opened.rev + 1 },
    },
  });
  const stored = () => readProperty(site, ISSUE, 'planning-readiness-dependencies') as Promise<{ schemaVersion: number; others: Array<{ id: string; description: string; changedAtRev: number }> }>;
  expect((await stored()).others.find((o) => o.id === opened.id)!.description).toBe('Sandbox with test cards');

  // "Keep mine": the form sends the same text from the revision the conflict named.
  const kept = ok(await depsChange(site, ISSUE, USERS.lead.accountId, edit(opened.id, opened.rev + 1, 'Sandbox, EU region')));
  expect(kept.savedRev).toBe(opened.rev + 2);
  expect(teamDependency(kept.view, 'Quartz')).toMatchObject({ rev: opened.rev + 2, commitment: { description: 'Sandbox, EU region' } });
  expect(teamDependency(kept.view, 'Quartz').commitment).not.toHaveProperty('changedAtRev');
  expect(await stored()).toMatchObject({ schemaVersion: 2 });
  expect((await stored()).others.find((o) => o.id === opened.id)).toMatchObject({ description: 'Sandbox, EU region', changedAtRev: opened.rev + 2 });
});

it('keeps edits of two different dependencies made from the same revision', async () => {
  const lead = USERS.lead.accountId;
  for (const team of ['Onyx', 'Jade']) ok(await depsChange(site, ISSUE, lead, { type: 'add', target: { kind: 'team', team }, description: '', neededBy: null, ownerAccountId: null }));
  const view = ok(await depsView(site, ISSUE, lead));
  const [onyx, jade] = [teamDependency(view, 'Onyx'), teamDependency(view, 'Jade')];
  ok(await depsChange(site, ISSUE, USERS.architect.accountId, edit(onyx.id, onyx.rev, 'Ledger export')));
  ok(await depsChange(site, ISSUE, lead, edit(jade.id, jade.rev, 'Fraud model')));
  const after = ok(await depsView(site, ISSUE, lead));
  expect([teamDependency(after, 'Onyx').commitment!.description, teamDependency(after, 'Jade').commitment!.description]).toEqual(['Ledger export', 'Fraud model']);
});

it('refuses an edit without the revision it started from', async () => {
  const view = ok(await depsView(site, ISSUE, USERS.lead.accountId));
  const dependency = view.needs.find((d) => d.can.edit)!;
  const r = await depsChange(site, ISSUE, USERS.lead.accountId, { type: 'edit', dependencyId: dependency.id, description: 'x', neededBy: null, ownerAccountId: null });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
