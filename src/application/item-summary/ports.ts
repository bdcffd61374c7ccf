import type { ItemSummary } from '../../domain/item-summary/item-summary';

/** The JQL-indexed summary property of an epic or feature. Only the app writes it. */
export interface ItemSummaryStore {
  /** The stored summary, or null when there is none or it is not one the app could have written. */
  load(issueIdOrKey: string): Promise<ItemSummary | null>;
  save(issueIdOrKey: string, summary: ItemSummary): Promise<void>;
}

/** Recomputes the readiness section of a merged summary (src/application/readiness/readiness-scorer.ts). */
export interface ReadinessScorer {
  score(issueId: string, summary: ItemSummary): Promise<ItemSummary>;
  /**
   * Called after a save changed the item's readiness state: its parent (an epic) scores the share of its
   * features ready, so it is rescored. Never throws; the caller still holds the item's lease.
   */
  stateChanged?: (issueId: string) => Promise<void>;
}
