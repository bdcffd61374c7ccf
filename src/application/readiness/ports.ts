import type { ReadinessSettings } from '../../domain/readiness/settings';

/** A project's readiness settings, kept by the app (KVS `settings:readiness:<projectKey>`). */
export interface ReadinessSettingsStore {
  /** The stored settings, or the defaults when there are none (or they cannot be read as settings). */
  get(projectKey: string): Promise<ReadinessSettings>;
  save(projectKey: string, settings: ReadinessSettings): Promise<void>;
}

/** Where a project's recompute after a settings change stands, for the settings page. */
export interface RecomputeStatus {
  state: 'RECOMPUTING' | 'DONE' | 'FAILED';
  /** Increases with each settings change: a run for an older change leaves a newer one's status alone. */
  generation: number;
  requestedAt: string;
  finishedAt: string | null;
  /** Items rescored, and how many had a new score. */
  scored: number;
  changed: number;
  message: string | null;
}

export interface RecomputeStatusStore {
  get(projectKey: string): Promise<RecomputeStatus | null>;
  set(projectKey: string, status: RecomputeStatus): Promise<void>;
}

/** Starts the recompute of a project in the background (a Forge async event). */
export interface RecomputeQueue {
  request(projectKey: string, generation: number): Promise<void>;
}

/** The projects the app can see, for the reconciliation. */
export interface ProjectLister {
  listProjectKeys(): Promise<string[]>;
}

/** Where the last reconciliation stopped (an item id), so the next one goes on from there. */
export interface ReconcileCursorStore {
  get(): Promise<string | null>;
  set(lastItemId: string | null): Promise<void>;
}
