import type { PersonRefDto, Result, StatusCategory } from './common';
import type { DependencyProjectPageDefs } from './dependencies';
import type { RisksProjectPageDefs } from './risks';
import type { ReviewsDefs } from './reviews';
import type { EscalationsPageDefs } from './escalations';
import type { ReadinessViewDto } from './readiness';

/** The portfolio project page (`jira:projectPage` planning-readiness-page): one set of functions per view. */
export type ProjectPageDefs = PortfolioDefs &
  DependencyProjectPageDefs &
  RisksProjectPageDefs &
  ReviewsDefs &
  EscalationsPageDefs;

// ---- The readiness view (issue 11): portfolio.* ----

export type ReadinessStateDto = 'READY' | 'AT_RISK' | 'NOT_READY';

export interface PortfolioScopeDto {
  release: string | null;
  issueTypes: string[];
  statuses: string[];
  /** Jira Team field ids. */
  teams: string[];
  jql: string | null;
}

export interface PortfolioRowDto {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  issueType: string;
  status: { name: string; category: StatusCategory };
  team: string | null;
  /** The Jira Team field's id (the scope's team clause searches by it). */
  teamId: string | null;
  releases: string[];
  parentKey: string | null;
  /** null: not scored yet. */
  readiness: { score: number; state: ReadinessStateDto; reasons: Array<{ criterion: string; title: string; weight: number; earned: number }> } | null;
  /** null: the app has no summary for the item (no spec yet). */
  specStatus: string | null;
  changedOutsideApp: boolean;
  estimateConfidence: number | null;
  /** The estimate against the stories' bottom-up points; null until the app has gathered the item's planning facts. */
  estimateCheck: EstimateCheckDto | null;
  dependencies: { open: number; late: number; cycle: 0 | 1; uncommitted: number } | null;
  risks: { level: 0 | 1 | 2 | 3 | 4; unroamed: number; blocking: number } | null;
  impediments: number | null;
}

export interface EstimateCheckDto {
  agreement: 'NONE' | 'AGREES' | 'DIVERGES' | 'NO_BOTTOM_UP';
  stories: number;
  estimatedStories: number;
  /** The estimate's points range (with its T-shirt size); null without an estimate or when not known yet. */
  estimate: { size: string | null; low: number; high: number } | null;
  /** The stories' bottom-up points; null when no story has points or not known yet. */
  bottomUpPoints: number | null;
}

export interface PortfolioTilesDto {
  total: number;
  ready: number;
  atRisk: number;
  notReady: number;
  notScored: number;
  openImpediments: number;
  lateDependencies: number;
  criticalRisks: number;
  specApproved: number;
  estimated: number;
}

export interface TrendPointDto {
  date: string;
  total: number;
  ready: number;
  atRisk: number;
  notReady: number;
  notScored: number;
}

export interface DriftDto {
  added: Array<{ key: string; summary: string }>;
  removed: Array<{ key: string; summary: string }>;
  estimateChanged: Array<{ key: string; summary: string; from: number | null; to: number | null }>;
  readinessDropped: Array<{ key: string; summary: string; from: { score: number | null; state: ReadinessStateDto | null }; to: { score: number | null; state: ReadinessStateDto | null } }>;
}

export interface PortfolioViewDto {
  project: { key: string; name: string };
  /** Where the rows come from: the user's own fresh read, or the last daily snapshot (filtered for the user). */
  source: { kind: 'live' | 'snapshot'; at: string };
  rows: PortfolioRowDto[];
  /** Rows in the scope: more than `rows` holds on the first paint, which sends the first rows only. */
  rowsTotal: number;
  tiles: PortfolioTilesDto;
  warnings: string[];
  unreadCount: number;
  computeMs: number;
  trend: { points: TrendPointDto[] } | { points: null; reason: string };
  baseline: { committedBy: PersonRefDto; committedAt: string; drift: DriftDto } | null;
  /** Whether "Commit the plan" is offered: the user may edit issues in the project (false on the release train). */
  canEdit: boolean | null;
}

export interface PortfolioScopePayload {
  scope: PortfolioScopeDto;
}

/** `withAccess`: also say whether the user may edit (canEdit); the page asks only while it does not know. */
export interface PortfolioViewPayload extends PortfolioScopePayload {
  withAccess?: boolean;
}

export interface PortfolioExportPayload extends PortfolioScopePayload {
  format: 'csv' | 'markdown';
}

export interface ExportFileDto {
  fileName: string;
  mimeType: 'text/csv' | 'text/markdown';
  content: string;
  warnings: string[];
}

export type PortfolioDefs = {
  /** The first paint: the last daily snapshot, filtered by the user's own search; null before the first snapshot. */
  'portfolio.snapshot': (payload: PortfolioScopePayload) => Result<PortfolioViewDto | null>;
  /** The fresh view: the user's own read of the scope. */
  'portfolio.view': (payload: PortfolioViewPayload) => Result<PortfolioViewDto>;
  'portfolio.commit': (payload: PortfolioScopePayload) => Result<PortfolioViewDto>;
  'portfolio.export': (payload: PortfolioExportPayload) => Result<ExportFileDto>;
  /** An expanded row's reasons in words (why, and the next step): the issue panel's readiness, read as the user. */
  'portfolio.explain': (payload: { issueKey: string }) => Result<ReadinessViewDto>;
};
