import { fromStoredBaseline, fromStoredSnapshot, toStoredBaseline, toStoredSnapshot } from '../../src/adapters/kvs/kvs-snapshot-format';
import { baselineItemOf } from '../../src/domain/portfolio/drift';
import { EMPTY_SCOPE } from '../../src/shared/portfolio/scope-rules';
import { row } from '../support/portfolio-rows';

/** Snapshots and baselines stored before rows kept the team's id and scopes had teams still read. */
describe('the stored portfolio values and the team scope', () => {
  it("keeps a row's team id and a baseline's teams", () => {
    const snapshot = { scopeKey: 'project:P', scopeJql: 'project = "P"', takenAt: '2026-11-25T02:00:00.000Z', rows: [row('P-1', { teamId: 't-1' })], warnings: [] };
    expect(fromStoredSnapshot(JSON.parse(JSON.stringify(toStoredSnapshot(snapshot))))!.rows[0]!.teamId).toBe('t-1');
    const baseline = { scopeKey: 'project:P', scope: { ...EMPTY_SCOPE, teams: ['t-1'] }, committedBy: { accountId: 'a', displayName: 'Lena' }, committedAt: '2026-11-25T10:00:00.000Z', items: [baselineItemOf(row('P-1'))] };
    expect(fromStoredBaseline(JSON.parse(JSON.stringify(toStoredBaseline(baseline))))).toEqual(baseline);
  });

  it('reads an older row without a team id, and an older baseline scope without teams', () => {
    const snapshot = toStoredSnapshot({ scopeKey: 'project:P', scopeJql: 'project = "P"', takenAt: '2026-11-25T02:00:00.000Z', rows: [row('P-1')], warnings: [] });
    const older = { ...snapshot, rows: snapshot.rows.map(({ teamId: _id, ...rest }) => rest) };
    expect(fromStoredSnapshot(JSON.parse(JSON.stringify(older)))!.rows[0]).toMatchObject({ team: 'Atlas', teamId: null });
    const baseline = toStoredBaseline({ scopeKey: 'project:P', scope: EMPTY_SCOPE, committedBy: { accountId: 'a', displayName: 'Lena' }, committedAt: '2026-11-25T10:00:00.000Z', items: [] });
    const { teams: _teams, ...olderScope } = baseline.scope;
    expect(fromStoredBaseline({ ...baseline, scope: olderScope })!.scope).toEqual(EMPTY_SCOPE);
  });
});
