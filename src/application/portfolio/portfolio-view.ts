import { driftSince, type Drift } from '../../domain/portfolio/drift';
import type { PortfolioRow } from '../../domain/portfolio/row';
import { sameScope, type PortfolioScope } from '../../shared/portfolio/scope-rules';
import { rollUp, type PortfolioTiles } from '../../domain/portfolio/tiles';
import type { Baseline, BaselineStore, PortfolioReader, TrendPoint } from './ports';

/** What the readiness view shows for a scope, from a fresh read or from the last snapshot. */
export interface PortfolioView {
  project: { key: string; name: string };
  source: { kind: 'live' | 'snapshot'; at: string };
  rows: PortfolioRow[];
  tiles: PortfolioTiles;
  /** Plain-language warnings naming what is missing; shown on the page. */
  warnings: string[];
  unreadCount: number;
  /** Milliseconds of the pure roll-up step (tiles and drift). */
  computeMs: number;
  /** The daily trend, or null with the reason it is not shown. */
  trend: { points: TrendPoint[] } | { points: null; reason: string };
  baseline: { committedBy: Baseline['committedBy']; committedAt: string; drift: Drift } | null;
  /**
   * Whether the user may commit the plan: the check "Commit the plan" itself makes (EDIT_ISSUES in the
   * project); null when the caller did not ask (the page knows it from its first paint).
   */
  canEdit: boolean | null;
}

export interface ViewDeps {
  portfolio: PortfolioReader;
  baselines: BaselineStore;
  /** A monotonic clock in milliseconds (performance.now), for the compute time. */
  clock: () => number;
}

/** Ids per `id in (...)` search: well inside JQL's size limits. */
const IDS_PER_QUERY = 500;

/** Which of these issue ids the user may browse: ids-only searches of IDS_PER_QUERY ids, one after another. */
async function visibleAmong(portfolio: PortfolioReader, ids: string[]): Promise<Set<string>> {
  const numeric = ids.filter((id) => /^\d{1,18}$/.test(id));
  const visible = new Set<string>();
  for (let i = 0; i < numeric.length; i += IDS_PER_QUERY) {
    for (const id of await portfolio.visibleIds(`id in (${numeric.slice(i, i + IDS_PER_QUERY).join(', ')})`)) visible.add(id);
  }
  return visible;
}

/**
 * The roll-up and the drift since the committed plan. Removed items are named only when the user may still
 * browse them (one ids-only search over them), so a baseline never reveals an issue the user cannot see.
 */
export async function rollUpView(deps: ViewDeps, rows: PortfolioRow[], scope: PortfolioScope, baseline: Baseline | null): Promise<{ tiles: PortfolioTiles; computeMs: number; baseline: PortfolioView['baseline'] }> {
  const started = deps.clock();
  const tiles = rollUp(rows);
  let computeMs = deps.clock() - started;
  if (!baseline || !sameScope(baseline.scope, scope)) return { tiles, computeMs, baseline: null };
  const present = new Set(rows.map((r) => r.id));
  const gone = baseline.items.filter((b) => !present.has(b.id)).map((b) => b.id);
  const stillVisible = await visibleAmong(deps.portfolio, gone);
  const again = deps.clock();
  const drift = driftSince(baseline.items, rows, stillVisible);
  computeMs += deps.clock() - again;
  return { tiles, computeMs, baseline: { committedBy: baseline.committedBy, committedAt: baseline.committedAt, drift } };
}
