import { baselineItemOf, driftSince } from '../../../src/domain/portfolio/drift';
import { rollUp } from '../../../src/domain/portfolio/tiles';
import { row } from '../../support/portfolio-rows';

describe('rollUp: the headline tiles', () => {
  it('counts states, not scored apart, and sums impediments and late dependencies', () => {
    const rows = [
      row('P-1', { readiness: [90, 'READY'], facts: { specStatus: 'APPROVED', estimateConfidence: 4 } }),
      row('P-2', { readiness: [65, 'AT_RISK'], facts: { impediments: { open: 2 }, dependencies: { open: 3, late: 2, cycle: 0, uncommitted: 1 } } }),
      row('P-3', { readiness: [20, 'NOT_READY'], facts: { risks: { level: 4, unroamed: 1, blocking: 1 }, impediments: { open: 1 } } }),
      row('P-4', { facts: { specStatus: 'APPROVED', changedOutsideApp: 1 } }),
      row('P-5', { facts: null }),
    ];
    expect(rollUp(rows)).toEqual({ total: 5, ready: 1, atRisk: 1, notReady: 1, notScored: 2, openImpediments: 3, lateDependencies: 2, criticalRisks: 1, specApproved: 1, estimated: 1 });
  });

  it('gives zeros for an empty program', () => {
    expect(Object.values(rollUp([])).every((v) => v === 0)).toBe(true);
  });

  it('rolls up 5,000 rows within the 200 ms compute target', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => row(`P-${i + 1}`, { readiness: [i % 100, i % 3 === 0 ? 'READY' : i % 3 === 1 ? 'AT_RISK' : 'NOT_READY'] }));
    const started = performance.now();
    const tiles = rollUp(rows);
    expect(performance.now() - started).toBeLessThan(200);
    expect(tiles.ready + tiles.atRisk + tiles.notReady).toBe(5_000);
  });
});

describe('driftSince: the committed plan against now', () => {
  const baseline = [row('P-1', { readiness: [80, 'READY'], facts: { estimateConfidence: 4 } }), row('P-2', { readiness: [70, 'AT_RISK'] }), row('P-3', { readiness: [50, 'NOT_READY'] }), row('P-4')].map(baselineItemOf);

  it('finds scope added and removed, estimates changed and readiness dropped', () => {
    const now = [row('P-1', { readiness: [60, 'AT_RISK'], facts: { estimateConfidence: 2 } }), row('P-2', { readiness: [75, 'READY'] }), row('P-5', { summary: 'New work' })];
    const drift = driftSince(baseline, now, new Set(['3', '4']));
    expect(drift.added).toEqual([{ key: 'P-5', summary: 'New work' }]);
    expect(drift.removed.map((r) => r.key)).toEqual(['P-3', 'P-4']);
    expect(drift.estimateChanged).toEqual([{ key: 'P-1', summary: 'Item P-1', from: 4, to: 2 }]);
    expect(drift.readinessDropped).toEqual([{ key: 'P-1', summary: 'Item P-1', from: { score: 80, state: 'READY' }, to: { score: 60, state: 'AT_RISK' } }]);
  });

  it('never names a removed item the user cannot browse now', () => {
    const drift = driftSince(baseline, [], new Set(['3']));
    expect(drift.removed.map((r) => r.key)).toEqual(['P-3']);
  });

  it('counts a score that is gone as a drop, and an unchanged plan as no drift', () => {
    expect(driftSince(baseline, [row('P-1', { facts: { estimateConfidence: 4 } })], new Set()).readinessDropped.map((d) => d.key)).toEqual(['P-1']);
    const same = [row('P-1', { readiness: [80, 'READY'], facts: { estimateConfidence: 4 } }), row('P-2', { readiness: [70, 'AT_RISK'] }), row('P-3', { readiness: [50, 'NOT_READY'] }), row('P-4')];
    expect(driftSince(baseline, same, new Set())).toEqual({ added: [], removed: [], estimateChanged: [], readinessDropped: [] });
  });
});
