import { writeOperation, type WriteDeps } from '../../src/application/dependencies/change-dependency';
import { recomputeDependencyFacts } from '../../src/application/dependencies/publish-dependency-facts';
import { ampleDeadline, access, users } from './fakes';
import { factsDeps, MemoryDependencySite } from './dependencies-fakes';

const lena = { accountId: 'lena', displayName: 'Lena Lead' };

describe('recomputing the dependency facts', () => {
  it('flags every issue of a cycle, and a second run (a repeated event) writes nothing', async () => {
    const site = new MemoryDependencySite(['1', '2', '3', '4']);
    site.block('2', '1');
    site.block('3', '2');
    site.block('1', '3');
    site.block('4', '3');
    const deps = factsDeps(site);
    const first = await recomputeDependencyFacts(deps, ['1'], { withDependents: false });
    expect(first.published).toEqual({ '1': 'saved', '2': 'saved', '3': 'saved' });
    expect([...deps.itemSummary.values].map(([id, s]) => [id, s.dependencies])).toEqual([
      ['1', { open: 1, late: 0, cycle: 1, uncommitted: 1 }],
      ['2', { open: 1, late: 0, cycle: 1, uncommitted: 1 }],
      ['3', { open: 2, late: 0, cycle: 1, uncommitted: 2 }],
    ]);
    const saves = deps.itemSummary.saves;
    const again = await recomputeDependencyFacts(deps, ['1'], { withDependents: false });
    expect(Object.values(again.published).every((o) => o === 'unchanged')).toBe(true);
    expect(deps.itemSummary.saves).toBe(saves);
  });

  it('clears the flag of issues whose cycle is gone, whichever end the event names', async () => {
    const site = new MemoryDependencySite(['1', '2', '3']);
    site.block('2', '1');
    site.block('3', '2');
    const closing = site.block('1', '3');
    const deps = factsDeps(site);
    await recomputeDependencyFacts(deps, ['3'], { withDependents: false });
    site.links = site.links.filter((l) => l.id !== closing);
    await recomputeDependencyFacts(deps, ['1'], { withDependents: false });
    expect([...deps.itemSummary.values.values()].map((s) => s.dependencies.cycle)).toEqual([0, 0, 0]);
  });

  it('writes no summary for an issue that never had a dependency (a story whose status moved)', async () => {
    const site = new MemoryDependencySite(['1']);
    const deps = factsDeps(site);
    expect(await recomputeDependencyFacts(deps, ['1'], { withDependents: true })).toEqual({ published: {} });
    expect(deps.itemSummary.values.size).toBe(0);
  });
});

describe('writing a dependency change', () => {
  it('puts the ledger back when the property write definitely failed', async () => {
    const site = new MemoryDependencySite(['1', '2']);
    const linkId = site.block('2', '1');
    const app = factsDeps(site);
    const deps: WriteDeps = { users: users(lena), access: access({ edit: true }), lock: app.lock, deadline: ampleDeadline(), now: () => new Date('2026-11-25T10:00:00Z'), newId: () => 'x', dependencySettings: app.dependencySettings, digest: app.digest, app };
    await writeOperation(deps, { id: '1', key: 'P-1' }, { type: 'request', dependencyId: `link:${linkId}` }, null);
    const proved = await app.dependencyLedger.get('1');
    site.failSaves = true;
    await expect(writeOperation(deps, { id: '1', key: 'P-1' }, { type: 'edit', dependencyId: `link:${linkId}`, baseRev: 1, description: 'Needs the API', neededBy: null, owner: null }, null)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await app.dependencyLedger.get('1')).toEqual(proved);
    expect((await site.load('1')).ok && (await site.load('1'))).toMatchObject({ record: { rev: 1, links: { [linkId]: { status: 'REQUESTED', description: '' } } } });
  });
});
