/**
 * The planning record of an epic or feature: technical spec, estimate and the last changes.
 * The domain model only: its stored JSON (with the schema version and migrations) is the adapter's
 * (`src/adapters/jira/planning-record/stored-format.ts`), and the wire DTO is the contract's.
 */

export const SPEC_SECTIONS = [
  { key: 'context', title: 'Context and problem' },
  { key: 'approach', title: 'Solution approach (architecture)' },
  { key: 'components', title: 'Components and interfaces affected' },
  { key: 'nfrs', title: 'Non-functional requirements' },
  { key: 'acceptance', title: 'Acceptance criteria' },
  { key: 'openQuestions', title: 'Open questions' },
  { key: 'enablers', title: 'Enablers and spikes needed' },
] as const;

export type SpecSectionKey = (typeof SPEC_SECTIONS)[number]['key'];
export const SPEC_SECTION_KEYS = SPEC_SECTIONS.map((s) => s.key) as [SpecSectionKey, ...SpecSectionKey[]];

/** CHANGES_REQUESTED: an architect sent the spec back to its author with a comment; the author edits and resubmits. */
export type SpecStatus = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED';
export const SPEC_STATUSES = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const satisfies readonly SpecStatus[];

export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export type TShirtSize = (typeof TSHIRT_SIZES)[number];

export interface PersonRef {
  accountId: string;
  displayName: string;
}

export interface DesignLink {
  id: string;
  url: string;
  title: string;
}

export interface TechnicalSpec {
  sections: Partial<Record<SpecSectionKey, string>>;
  links: DesignLink[];
  status: SpecStatus;
  approval: { by: PersonRef; at: string } | null;
  author: PersonRef | null;
  lastEditor: PersonRef | null;
  lastEditedAt: string | null;
}

export type EstimateValue = { kind: 'tshirt'; size: TShirtSize } | { kind: 'points'; low: number; high: number };

export interface EstimateRecord {
  value: EstimateValue;
  /** Fist of five: 1 (no confidence) to 5 (full confidence). */
  confidence: number;
  assumptions: string;
  by: PersonRef;
  at: string;
}

export interface HistoryEntry {
  rev: number;
  at: string;
  by: PersonRef;
  what: string;
}

export interface PlanningRecord {
  /** Increases by one with every saved change. */
  rev: number;
  /** For each part (a spec section, the links, the spec status, the estimate): the rev that last changed it. */
  changedAtRev: Record<string, number>;
  spec: TechnicalSpec;
  estimate: EstimateRecord | null;
  history: HistoryEntry[];
  /** The review: the last request for changes, and the comment threads per spec section. */
  review: ReviewState;
}

export interface ReviewComment {
  id: string;
  by: PersonRef;
  at: string;
  text: string;
}

/** A conversation about one spec section: the first comment opens it, the others reply. */
export interface ReviewThread {
  id: string;
  section: SpecSectionKey;
  comments: ReviewComment[];
}

export interface ReviewState {
  /** Set when an architect requests changes; kept (as the last request) after the spec is resubmitted. */
  changesRequest: { by: PersonRef; at: string; comment: string } | null;
  threads: ReviewThread[];
}

export const HISTORY_LIMIT = 20;

/** Limits that keep a record well inside Jira's 32,768-byte property limit for typical (ASCII) text. */
export const LIMITS = {
  sectionChars: 3000,
  linkTitleChars: 120,
  linkUrlChars: 500,
  links: 15,
  assumptionsChars: 1500,
  commentChars: 1000,
  threads: 40,
  commentsPerThread: 20,
  propertyBytes: 32_768,
} as const;

export function emptyPlanningRecord(): PlanningRecord {
  return {
    rev: 0,
    changedAtRev: {},
    spec: { sections: {}, links: [], status: 'DRAFT', approval: null, author: null, lastEditor: null, lastEditedAt: null },
    estimate: null,
    history: [],
    review: { changesRequest: null, threads: [] },
  };
}

export function sectionTitle(key: SpecSectionKey): string {
  return SPEC_SECTIONS.find((s) => s.key === key)!.title;
}

/** The lozenge Jira shows on the collapsed Readiness side panel: the spec status. */
export interface ContextStatus {
  type: 'lozenge';
  value: { label: string; type: 'default' | 'inprogress' | 'moved' | 'success' };
}

export function contextStatusFor(status: SpecStatus): ContextStatus {
  const label = { DRAFT: 'Spec draft', IN_REVIEW: 'Spec in review', CHANGES_REQUESTED: 'Changes requested', APPROVED: 'Spec approved' }[status];
  const type = ({ DRAFT: 'default', IN_REVIEW: 'inprogress', CHANGES_REQUESTED: 'moved', APPROVED: 'success' } as const)[status];
  return { type: 'lozenge', value: { label, type } };
}
