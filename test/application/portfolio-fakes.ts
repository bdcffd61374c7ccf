import type { Baseline, PortfolioReader, PortfolioSnapshot, RowsRead, TrendPoint } from '../../src/application/portfolio/ports';
import type { ReadinessViewDeps } from '../../src/application/portfolio/readiness-view';
import type { PlanningRecord } from '../../src/domain/planning-record/model';
import type { PortfolioRow } from '../../src/domain/portfolio/row';

/** In-memory fakes of the portfolio's ports: `visible` is what the acting user's own search finds. */
export class FakePortfolio implements PortfolioReader {
  readonly queries: string[] = [];
  constructor(public rowsNow: PortfolioRow[], public visible: Set<string>) {}

  rows(jql: string): Promise<RowsRead> {
    this.queries.push(jql);
    return Promise.resolve({ rows: this.rowsNow.filter((r) => this.visible.has(r.id)), unreadCount: 0, warnings: [] });
  }

  async rowsWithRecords(jql: string): Promise<RowsRead & { records: Map<string, PlanningRecord> }> {
    return { ...(await this.rows(jql)), records: new Map() };
  }

  visibleIds(jql: string): Promise<Set<string>> {
    this.queries.push(jql);
    const named = /^id in \(([\d, ]+)\)$/.exec(jql);
    const ids = named ? named[1]!.split(', ') : [...this.visible];
    return Promise.resolve(new Set(ids.filter((id) => this.visible.has(id))));
  }
}

export function fakeViewDeps(portfolio: FakePortfolio, stored: { snapshot?: PortfolioSnapshot; points?: TrendPoint[]; baseline?: Baseline; canEdit?: boolean }): ReadinessViewDeps {
  return {
    access: { canEditInProject: () => Promise.resolve(stored.canEdit ?? true) },
    reader: { getProject: (key) => Promise.resolve({ id: '1', key, name: `Project ${key}`, issueTypes: [{ id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null }] }) },
    portfolio,
    snapshots: { load: () => Promise.resolve(stored.snapshot ?? null), save: () => Promise.resolve() },
    trend: { load: () => Promise.resolve(stored.points ?? []), record: (_k, p) => Promise.resolve([p]) },
    baselines: { load: () => Promise.resolve(stored.baseline ?? null), save: () => Promise.resolve() },
    clock: () => 0,
    now: () => new Date('2026-11-25T12:00:00.000Z'),
  };
}
