import { EMPTY_DEPENDENCY_RECORD, type DependencyRecord } from '../../../src/domain/dependencies/model';
import { applyDependencyOperation, type DependencyOperation, type OperationContext } from '../../../src/domain/dependencies/operations';

const lena = { accountId: 'lena', displayName: 'Lena Lead' };
const priya = { accountId: 'priya', displayName: 'Priya PM' };
const arjun = { accountId: 'arjun', displayName: 'Arjun Architect' };
const LINKS = new Set(['10007', '10008']);
const ctx = (actor = lena, sides = { dependent: true, provider: false }): OperationContext => ({ actor, now: '2026-11-25T10:00:00.000Z', newId: () => 'd1', sides });
const PROVIDER = { dependent: false, provider: true };

function apply(record: DependencyRecord, op: DependencyOperation, c = ctx()): DependencyRecord {
  const r = applyDependencyOperation(record, op, c, LINKS);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}
const edit = (dependencyId: string, baseRev: number, description: string): DependencyOperation => ({ type: 'edit', dependencyId, baseRev, description, neededBy: null, owner: null });

describe('dependency edit conflicts', () => {
  const start = apply(apply(EMPTY_DEPENDENCY_RECORD, edit('link:10007', 0, 'Payments API v2')), edit('link:10008', 1, 'Fraud rules'));

  it('refuses an edit from a revision older than the dependency’s last change, saying who changed it and how it is now', () => {
    const theirs = apply(start, edit('link:10007', 2, 'Payments API v3'), ctx(priya));
    const mine = applyDependencyOperation(theirs, edit('link:10007', 2, 'Payments API v2 with refunds'), ctx(), LINKS);
    expect(mine).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Priya PM changed this dependency after you opened it ("Edited the dependency"). Their version is shown next to yours. Nothing was saved.',
        conflict: { part: 'dependency.link:10007', current: { description: 'Payments API v3', neededBy: null, owner: null, status: 'IDENTIFIED' }, rev: 3 },
      },
    });
  });

  it('keeps both edits of different dependencies made from the same revision, and an edit from the latest revision', () => {
    const a = apply(start, edit('link:10007', 2, 'Payments API v3'), ctx(priya));
    const b = apply(a, edit('link:10008', 2, 'Fraud rules, EU first'));
    expect([b.links['10007']!.description, b.links['10008']!.description]).toEqual(['Payments API v3', 'Fraud rules, EU first']);
    expect(apply(b, edit('link:10007', 4, 'Payments API v4')).links['10007']).toMatchObject({ description: 'Payments API v4', changedAtRev: 5 });
  });

  it('counts a state change as a change to the dependency, and refuses a revision the record never had', () => {
    const requested = apply(start, { type: 'request', dependencyId: 'link:10007' });
    expect(applyDependencyOperation(requested, edit('link:10007', 2, 'x'), ctx(), LINKS)).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { current: { status: 'REQUESTED' } } } });
    expect(applyDependencyOperation(requested, edit('link:10007', 9, 'x'), ctx(), LINKS)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('(9) is not one') } });
  });

  it('refuses a second commitment with another date, and takes the same one again as a no-op', () => {
    const requested = apply(start, { type: 'request', dependencyId: 'link:10007' });
    const committed = apply(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-01', release: null } }, ctx(arjun, PROVIDER));
    const again = (date: string) => applyDependencyOperation(committed, { type: 'commit', dependencyId: 'link:10007', committedBy: { date, release: null } }, ctx(priya, PROVIDER), LINKS);
    expect(again('2027-02-01')).toEqual({ ok: true, record: committed, changed: false });
    expect(again('2027-03-01')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Arjun Architect already committed by 2027-02-01. Nothing was saved.' } });
    const declined = apply(committed, { type: 'decline', dependencyId: 'link:10007', reason: 'No capacity' }, ctx(arjun, PROVIDER));
    const declineAgain = (reason: string) => applyDependencyOperation(declined, { type: 'decline', dependencyId: 'link:10007', reason }, ctx(priya, PROVIDER), LINKS);
    expect(declineAgain(' No capacity ')).toMatchObject({ ok: true, changed: false });
    expect(declineAgain('Out of scope')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Arjun Architect already declined: No capacity. Nothing was saved.' } });
  });

  it('refuses adding an issue dependency the app already holds other details for, and takes the same details as a no-op', () => {
    const describe = (description: string): DependencyOperation => ({ type: 'describeLink', linkId: '10007', description, neededBy: null, owner: null });
    const added = apply(EMPTY_DEPENDENCY_RECORD, describe('Payments API'), ctx(priya));
    expect(applyDependencyOperation(added, describe(' Payments API '), ctx(), LINKS)).toEqual({ ok: true, record: added, changed: false });
    expect(applyDependencyOperation(added, describe('Refunds API'), ctx(), LINKS)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Priya PM already added this dependency; it is shown as it is now: edit it to change it. Nothing was saved.', conflict: { current: { description: 'Payments API' } } },
    });
  });
});
