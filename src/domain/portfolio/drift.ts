import type { ReadinessState } from '../item-summary/item-summary';
import { readinessOf, type PortfolioRow } from './row';

/** What a committed plan remembers of each item: enough to tell scope, estimate and readiness drift. */
export interface BaselineItem {
  id: string;
  key: string;
  summary: string;
  estimateConfidence: number | null;
  score: number | null;
  state: ReadinessState | null;
}

export interface Drift {
  added: Array<{ key: string; summary: string }>;
  removed: Array<{ key: string; summary: string }>;
  estimateChanged: Array<{ key: string; summary: string; from: number | null; to: number | null }>;
  readinessDropped: Array<{ key: string; summary: string; from: { score: number | null; state: ReadinessState | null }; to: { score: number | null; state: ReadinessState | null } }>;
}

const STATE_RANK: Record<ReadinessState, number> = { READY: 2, AT_RISK: 1, NOT_READY: 0 };

export function baselineItemOf(row: PortfolioRow): BaselineItem {
  const readiness = readinessOf(row);
  return { id: row.id, key: row.key, summary: row.summary, estimateConfidence: row.facts?.estimateConfidence ?? null, score: readiness?.score ?? null, state: readiness?.state ?? null };
}

/** Readiness dropped: a lower state, a lower score, or a score that is gone. */
function dropped(before: BaselineItem, now: BaselineItem): boolean {
  if (before.state !== null && now.state !== null && STATE_RANK[now.state] < STATE_RANK[before.state]) return true;
  if (before.score === null) return false;
  return now.score === null || now.score < before.score;
}

/**
 * The drift of the current rows since a baseline, by issue id (keys change when issues move).
 * `stillVisibleRemoved` names the removed items the user may still browse: the others are left out, so a
 * baseline never shows an issue the user cannot see now.
 */
export function driftSince(baseline: readonly BaselineItem[], rows: readonly PortfolioRow[], stillVisibleRemoved: ReadonlySet<string>): Drift {
  const before = new Map(baseline.map((b) => [b.id, b]));
  const drift: Drift = { added: [], removed: [], estimateChanged: [], readinessDropped: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.id);
    const now = baselineItemOf(row);
    const was = before.get(row.id);
    if (!was) {
      drift.added.push({ key: row.key, summary: row.summary });
      continue;
    }
    if (was.estimateConfidence !== now.estimateConfidence) drift.estimateChanged.push({ key: row.key, summary: row.summary, from: was.estimateConfidence, to: now.estimateConfidence });
    if (dropped(was, now)) drift.readinessDropped.push({ key: row.key, summary: row.summary, from: { score: was.score, state: was.state }, to: { score: now.score, state: now.state } });
  }
  for (const b of baseline) if (!seen.has(b.id) && stillVisibleRemoved.has(b.id)) drift.removed.push({ key: b.key, summary: b.summary });
  return drift;
}
