import type { PersonRefDto, ProjectSettingsDto, StatusCategory, TShirtScaleDto, TShirtSize, WorkItemDto } from './common';

/** The planning record and its view, as the Planning panel and the side panel receive them. */
export type SpecSectionKey = 'context' | 'approach' | 'components' | 'nfrs' | 'acceptance' | 'openQuestions' | 'enablers';
export type SpecStatus = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED';

export interface DesignLinkDto {
  id: string;
  url: string;
  title: string;
}

export type EstimateValueDto = { kind: 'tshirt'; size: TShirtSize } | { kind: 'points'; low: number; high: number };

export interface PlanningRecordDto {
  rev: number;
  spec: {
    sections: Partial<Record<SpecSectionKey, string>>;
    links: DesignLinkDto[];
    /** The status that counts: an approval the app cannot verify is never shown as APPROVED. */
    status: SpecStatus;
    approval: { by: PersonRefDto; at: string } | null;
    author: PersonRefDto | null;
    lastEditor: PersonRefDto | null;
    lastEditedAt: string | null;
  };
  estimate: { value: EstimateValueDto; confidence: number; assumptions: string; by: PersonRefDto; at: string } | null;
  history: Array<{ rev: number; at: string; by: PersonRefDto; what: string }>;
  review: ReviewDto;
}

export interface ReviewCommentDto {
  id: string;
  by: PersonRefDto;
  at: string;
  text: string;
}

/** The review: the last request for changes, and the comment threads of each spec section. */
export interface ReviewDto {
  changesRequest: { by: PersonRefDto; at: string; comment: string } | null;
  threads: Array<{ id: string; section: SpecSectionKey; comments: ReviewCommentDto[] }>;
}

/** Whether the stored record is the one the app last wrote; set when someone wrote it over REST. */
export interface IntegrityDto {
  changedOutsideApp: boolean;
  /** Plain-language explanation, shown as a warning in the panels. */
  message: string | null;
}

export type PlanningOperationDto =
  | { type: 'spec.editSection'; section: SpecSectionKey; text: string }
  | { type: 'spec.addLink'; url: string; title: string }
  | { type: 'spec.removeLink'; linkId: string }
  | { type: 'spec.submitForReview' }
  | { type: 'spec.approve' }
  | { type: 'spec.requestChanges'; comment: string }
  | { type: 'review.comment'; section: SpecSectionKey; text: string }
  | { type: 'review.reply'; threadId: string; text: string }
  | { type: 'estimate.set'; value: EstimateValueDto; confidence: number; assumptions: string }
  | { type: 'estimate.clear' };

export interface DecompositionItemDto {
  key: string;
  summary: string;
  issueTypeName: string;
  hierarchyLevel: number;
  statusCategory: StatusCategory;
  storyPoints: number | null;
  labels: string[];
  parentKey: string | null;
  team: string | null;
}

export interface DecompositionDto {
  children: DecompositionItemDto[];
  /** Work items per hierarchy level below the item, highest first, named by their own issue types. */
  levels: Array<{ hierarchyLevel: number; total: number; byType: Array<{ name: string; count: number }>; byStatus: Record<StatusCategory, number> }>;
  /** The teams of the direct children: an epic's teams are its features' teams. */
  childTeams: string[];
  childCount: number;
  childrenByStatus: Record<StatusCategory, number>;
  storyCount: number;
  storiesByStatus: Record<StatusCategory, number>;
  estimatedStoryCount: number;
  estimatedPct: number;
  bottomUpPoints: number;
  unestimated: DecompositionItemDto[];
  enablers: DecompositionItemDto[];
}

export interface ReconciliationDto {
  range: { low: number; high: number };
  bottomUpPoints: number;
  position: 'below' | 'within' | 'above';
  divergencePct: number;
  outsideByPoints: number;
  /** How far outside, in words that suit the numbers: "3 points above", "70% (14 points) above". */
  distance: string;
  flagged: boolean;
  partial: boolean;
}

/** A child epic or feature's own spec status and estimate. */
export interface ChildPlanningDto {
  key: string;
  specStatus: SpecStatus;
  estimate: { value: EstimateValueDto; confidence: number } | null;
}

export interface PlanningViewDto {
  item: WorkItemDto;
  record: PlanningRecordDto;
  integrity: IntegrityDto;
  /** Why the stored record cannot be read (it is then shown empty and cannot be edited, never overwritten). */
  recordProblem: string | null;
  canEdit: boolean;
  canApprove: boolean;
  decomposition: DecompositionDto;
  childPlanning: ChildPlanningDto[];
  reconciliation: ReconciliationDto | null;
  tshirtScale: TShirtScaleDto;
  sections: Array<{ key: SpecSectionKey; title: string; maxChars: number }>;
  limits: { assumptionsChars: number; linkTitleChars: number; linkUrlChars: number; commentChars: number };
}

export interface UpdatePlanningPayload {
  baseRev: number;
  operation: PlanningOperationDto;
}

/** A saved change: the view as it now is (one call, no reload), and what did not follow the save. */
export interface PlanningUpdateDto {
  changed: boolean;
  view: PlanningViewDto;
  /** Steps after the save that failed (the save itself landed), e.g. the JQL index or the side panel lozenge. */
  warnings: string[];
}

export type { ProjectSettingsDto };
