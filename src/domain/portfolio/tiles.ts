import { readinessOf, type PortfolioRow } from './row';

/** The headline tiles of a program: counts, so each share is a count over `total`. */
export interface PortfolioTiles {
  total: number;
  ready: number;
  atRisk: number;
  notReady: number;
  /** Not scored yet by the readiness engine: counted apart, never guessed. */
  notScored: number;
  /** Sum of open impediments over the rows. */
  openImpediments: number;
  /** Sum of late dependencies over the rows. */
  lateDependencies: number;
  /** Rows whose highest open risk is Critical (level 4). */
  criticalRisks: number;
  /** Rows whose spec is approved. */
  specApproved: number;
  /** Rows that carry an estimate (its confidence is in the summary). */
  estimated: number;
}

/**
 * Rolls the rows up into the tiles, in one pass.
 *
 * @example
 * rollUp([]) // => { total: 0, ready: 0, ... }
 */
export function rollUp(rows: readonly PortfolioRow[]): PortfolioTiles {
  const t: PortfolioTiles = { total: 0, ready: 0, atRisk: 0, notReady: 0, notScored: 0, openImpediments: 0, lateDependencies: 0, criticalRisks: 0, specApproved: 0, estimated: 0 };
  for (const row of rows) {
    t.total += 1;
    const readiness = readinessOf(row);
    if (!readiness) t.notScored += 1;
    else if (readiness.state === 'READY') t.ready += 1;
    else if (readiness.state === 'AT_RISK') t.atRisk += 1;
    else t.notReady += 1;
    const f = row.facts;
    if (!f) continue;
    t.openImpediments += f.impediments.open;
    t.lateDependencies += f.dependencies.late;
    if (f.risks.level === 4) t.criticalRisks += 1;
    if (f.specStatus === 'APPROVED' && f.changedOutsideApp === 0) t.specApproved += 1;
    if (f.estimateConfidence !== undefined) t.estimated += 1;
  }
  return t;
}
