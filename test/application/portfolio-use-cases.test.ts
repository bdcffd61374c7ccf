import { exportPortfolio, PACK_MAX_ITEMS } from '../../src/application/portfolio/export-portfolio';
import { snapshotReadinessView, freshReadinessView } from '../../src/application/portfolio/readiness-view';
import { DEFAULT_READINESS_SETTINGS } from '../../src/domain/readiness/settings';
import { takeSnapshots } from '../../src/application/portfolio/take-snapshots';
import { Deadline } from '../../src/application/shared/deadline';
import { AppFailure } from '../../src/application/shared/errors';
import { baselineItemOf } from '../../src/domain/portfolio/drift';
import { EMPTY_SCOPE } from '../../src/shared/portfolio/scope-rules';
import { row } from '../support/portfolio-rows';
import { FakePortfolio, fakeViewDeps } from './portfolio-fakes';

const rows = [row('P-1', { readiness: [90, 'READY'] }), row('P-2', { readiness: [30, 'NOT_READY'] }), row('P-3', { readiness: [70, 'AT_RISK'] })];
const snapshot = { scopeKey: 'project:P', scopeJql: 'project = "P" AND issuetype in (10001) ORDER BY key ASC', takenAt: '2026-11-25T02:00:00.000Z', rows, warnings: [] };
const points = [{ date: '2026-11-25', total: 3, ready: 1, atRisk: 1, notReady: 1, notScored: 0 }];

describe('the first paint from the snapshot', () => {
  it("gives the user only the snapshot's rows their own search finds, and hides the trend that counts the others", async () => {
    const portfolio = new FakePortfolio(rows, new Set(['1', '3']));
    const view = (await snapshotReadinessView(fakeViewDeps(portfolio, { snapshot, points }), 'P', EMPTY_SCOPE))!;
    expect(view.rows.map((r) => r.key)).toEqual(['P-1', 'P-3']);
    expect(view.tiles).toMatchObject({ total: 2, ready: 1, atRisk: 1, notReady: 0 });
    expect(view.trend).toEqual({ points: null, reason: expect.stringContaining('cannot browse') });
    expect(portfolio.queries).toEqual(['project = "P" AND issuetype in (10001) ORDER BY key ASC']);
  });

  it('shows the trend to a user who sees the whole program', async () => {
    const view = (await snapshotReadinessView(fakeViewDeps(new FakePortfolio(rows, new Set(['1', '2', '3'])), { snapshot, points }), 'P', EMPTY_SCOPE))!;
    expect(view.trend).toEqual({ points });
    expect(view.source).toEqual({ kind: 'snapshot', at: snapshot.takenAt });
  });

  it("runs the user's search alongside the project's read, not after it", async () => {
    const portfolio = new FakePortfolio(rows, new Set(['1', '2', '3']));
    const deps = fakeViewDeps(portfolio, { snapshot, points });
    let releaseProject: () => void = () => undefined;
    const projectRead = new Promise<void>((resolve) => (releaseProject = resolve));
    const view = snapshotReadinessView({ ...deps, reader: { getProject: (key) => projectRead.then(() => deps.reader.getProject(key)) } }, 'P', { ...EMPTY_SCOPE, release: '2027.1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(portfolio.queries).toEqual(['project = "P" AND issuetype in (10001) AND fixVersion = "2027.1" ORDER BY key ASC']);
    releaseProject();
    expect((await view)?.rows).toHaveLength(3);
  });

  it("answers null when the project's epic and feature types changed since the snapshot (the fresh read follows)", async () => {
    const older = { ...snapshot, scopeJql: 'project = "P" AND issuetype in (10001, 10002) ORDER BY key ASC' };
    expect(await snapshotReadinessView(fakeViewDeps(new FakePortfolio(rows, new Set(['1'])), { snapshot: older }), 'P', EMPTY_SCOPE)).toBeNull();
  });

  it('answers null before the first snapshot', async () => {
    expect(await snapshotReadinessView(fakeViewDeps(new FakePortfolio(rows, new Set(['1'])), {}), 'P', EMPTY_SCOPE)).toBeNull();
  });
});

describe('the drift in the fresh view', () => {
  it('names removed items only when the user may still browse them', async () => {
    const baseline = { scopeKey: 'project:P', scope: EMPTY_SCOPE, committedBy: { accountId: 'a', displayName: 'Lena Lead' }, committedAt: '2026-11-20T10:00:00.000Z', items: [...rows, row('P-4'), row('P-5')].map(baselineItemOf) };
    const portfolio = new FakePortfolio(rows, new Set(['1', '2', '3', '5']));
    const view = await freshReadinessView(fakeViewDeps(portfolio, { baseline }), 'P', EMPTY_SCOPE);
    expect(view.baseline?.drift.removed.map((r) => r.key)).toEqual(['P-5']);
    expect(portfolio.queries).toContain('id in (4, 5)');
  });

  it('shows no drift for a scope other than the committed one', async () => {
    const baseline = { scopeKey: 'project:P', scope: EMPTY_SCOPE, committedBy: { accountId: 'a', displayName: 'Lena Lead' }, committedAt: '2026-11-20T10:00:00.000Z', items: [] };
    const view = await freshReadinessView(fakeViewDeps(new FakePortfolio(rows, new Set(['1'])), { baseline }), 'P', { ...EMPTY_SCOPE, release: '2027.1' });
    expect(view.baseline).toBeNull();
  });
});

describe('the planning pack', () => {
  const committed = (items: typeof rows) => ({ scopeKey: 'project:P', scope: EMPTY_SCOPE, committedBy: { accountId: 'a', displayName: 'Lena Lead' }, committedAt: '2026-11-20T10:00:00.000Z', items: items.map(baselineItemOf) });
  const packOf = async (portfolio: FakePortfolio, baseline: ReturnType<typeof committed>): Promise<string> => {
    const settingsRead: string[] = [];
    const deps = { ...fakeViewDeps(portfolio, { baseline }), readinessSettings: { get: (key: string) => Promise.resolve(void settingsRead.push(key)).then(() => DEFAULT_READINESS_SETTINGS) } };
    const file = await exportPortfolio(deps, 'P', EMPTY_SCOPE, 'markdown');
    expect(settingsRead).toEqual(['P']);
    return file.content;
  };

  it('lists what left the committed plan, when the user may still browse it', async () => {
    const md = await packOf(new FakePortfolio(rows, new Set(['1', '2', '3', '5'])), committed([...rows, row('P-4'), row('P-5')]));
    expect(md).toContain('**Removed:**\n- P-5: Item P-5\n');
    expect(md).not.toContain('P-4');
  });

  it('does not call anything removed when the pack holds only part of the scope', async () => {
    const many = Array.from({ length: PACK_MAX_ITEMS }, (_, i) => row(`P-${i + 1}`));
    const md = await packOf(new FakePortfolio(many, new Set(many.map((r) => r.id).concat('9999'))), committed([row('P-9999'), ...many.slice(0, 3)]));
    expect(md).toContain('**Removed:** not listed: this pack holds only part of the scope.');
    expect(md).not.toContain('P-9999');
  });
});

describe('the daily snapshot', () => {
  it("stores each project's rows and the day's counts, and a failing project costs the others nothing", async () => {
    const saved: string[] = [];
    const points: Array<{ key: string; total: number }> = [];
    const base = fakeViewDeps(new FakePortfolio(rows, new Set(['1', '2', '3'])), {});
    const run = await takeSnapshots({
      ...base,
      reader: { getProject: (key) => (key === 'BAD' ? Promise.reject(new AppFailure('UNAVAILABLE', 'Jira is busy')) : base.reader.getProject(key)) },
      snapshots: { load: () => Promise.resolve(null), save: (s) => Promise.resolve(void saved.push(`${s.scopeKey}:${s.rows.length}`)) },
      trend: { load: () => Promise.resolve([]), record: (key, p) => Promise.resolve(void points.push({ key, total: p.total })).then(() => [p]) },
      projects: () => Promise.resolve(['P', 'BAD', 'Q']),
      deadline: Deadline.after(900_000),
    });
    expect(saved).toEqual(['project:P:3', 'project:Q:3']);
    expect(points).toEqual([{ key: 'project:P', total: 3 }, { key: 'project:Q', total: 3 }]);
    expect(run.failed).toEqual([{ key: 'BAD', reason: 'Jira is busy' }]);
  });
});
