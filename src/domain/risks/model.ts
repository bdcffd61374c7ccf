import type { PersonRef } from '../planning-record/model';

/**
 * The risk register of one epic or feature: its risks, rated on a 5x5 likelihood x impact matrix and ROAMed
 * (Resolved, Owned, Accepted, Mitigated) during planning. Pure data; the rules live beside it, one per file.
 */
export const RISK_CATEGORIES = ['technical', 'dependency', 'resource', 'schedule', 'external'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const ROAM_STATES = ['UNROAMED', 'RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED'] as const;
export type RoamState = (typeof ROAM_STATES)[number];

/** A point on a 5-point scale (likelihood or impact). */
export type ScaleLevel = 1 | 2 | 3 | 4 | 5;
export const SCALE_LEVELS: readonly ScaleLevel[] = [1, 2, 3, 4, 5];

export interface RiskRating {
  likelihood: ScaleLevel;
  impact: ScaleLevel;
}

/** Who did something, and when (ISO timestamp). */
export interface Stamp {
  by: PersonRef;
  at: string;
}

/** The ROAM state with the fields each state requires. */
export type Roam =
  | { state: 'UNROAMED' }
  | ({ state: 'RESOLVED'; note: string } & Stamp)
  | ({ state: 'OWNED'; owner: PersonRef } & Stamp)
  /** `by` is who accepted: a fact with authority, proved by the app's ledger (ADR 0003, 0008). */
  | ({ state: 'ACCEPTED'; rationale: string } & Stamp)
  | ({ state: 'MITIGATED'; plan: string; residual: RiskRating } & Stamp);

/** Where a risk came from when the app raised it (a late or declined dependency), keyed for "only once". */
export interface RiskSource {
  kind: 'dependency';
  dependencyId: string;
}

export interface Risk {
  id: string;
  title: string;
  description: string;
  category: RiskCategory;
  /** The inherent rating, before any mitigation. */
  rating: RiskRating;
  roam: Roam;
  /** When the response is due (yyyy-mm-dd), or null. */
  dueDate: string | null;
  source: RiskSource | null;
  /** Set when the dependency behind an auto-raised risk was resolved: the panel proposes closing it. */
  closeProposed: { at: string; reason: string } | null;
  created: Stamp;
  updated: Stamp;
  /** The register revision that last changed this risk (conflict detection per risk). */
  changedAtRev: number;
}

export interface RiskHistoryEntry {
  rev: number;
  at: string;
  by: PersonRef;
  riskId: string;
  what: string;
}

export interface RiskRegister {
  /** Increases by one with every saved change. */
  rev: number;
  risks: Risk[];
  /** Dependencies a risk was ever raised for: a dependency raises its risk once, even after it is deleted. */
  raisedForDependencies: string[];
  /** The latest changes, newest last (see HISTORY_LIMIT and ADR 0008). */
  history: RiskHistoryEntry[];
}

export const emptyRiskRegister = (): RiskRegister => ({ rev: 0, risks: [], raisedForDependencies: [], history: [] });

/** The app itself, as the author of risks it raises from dependency events. */
export const APP_ACTOR: PersonRef = { accountId: 'planning-readiness-app', displayName: 'Planning Readiness (automatic)' };

/** Limits that keep a register of typical size well inside Jira's 32,768-byte property. */
export const RISK_LIMITS = {
  titleChars: 120,
  descriptionChars: 2000,
  planChars: 2000,
  noteChars: 1000,
  risks: 40,
  propertyBytes: 32_768,
} as const;

/** History kept per register; older entries are dropped, and more when the register would not fit (ADR 0008). */
export const HISTORY_LIMIT = 60;
export const HISTORY_FLOOR = 10;

export const ROAM_LABELS: Record<RoamState, string> = { UNROAMED: 'unROAMed', RESOLVED: 'Resolved', OWNED: 'Owned', ACCEPTED: 'Accepted', MITIGATED: 'Mitigated' };

export type { PersonRef };
