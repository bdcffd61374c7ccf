/**
 * The one typed contract between the resolvers and the Custom UI apps (static/ imports it with `import type`).
 * Every resolver answers with a Result envelope: data, or an error with a stable code the UI can act on.
 */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** With CONFLICT: the part someone else changed, its current value and the record's revision. */
  conflict?: { part: string; current: unknown; rev: number };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface PersonDto {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface WorkItemDto {
  key: string;
  summary: string;
  issueType: { name: string; hierarchyLevel: number; iconUrl: string | null };
  status: { name: string; category: StatusCategory };
  assignee: PersonDto | null;
  parentKey: string | null;
  fixVersions: Array<{ name: string; releaseDate: string | null }>;
  team: string | null;
  flagged: boolean;
}

export interface PlanningItemsPageDto {
  project: { key: string; name: string };
  items: WorkItemDto[];
  nextPageToken: string | null;
}

export interface ListPlanningItemsPayload {
  pageToken?: string | null;
  pageSize?: number;
}

export type {
  DesignLink as DesignLinkDto,
  EstimateValue as EstimateValueDto,
  PersonRef as PersonRefDto,
  PlanningRecord as PlanningRecordDto,
  SpecSectionKey,
  SpecStatus,
  TShirtSize,
} from '../../domain/planning-record/model';
export type { PlanningOperation as PlanningOperationDto } from '../../domain/planning-record/operations';
export type { Decomposition as DecompositionDto, DecompositionItem as DecompositionItemDto } from '../../domain/decomposition/decomposition';
export type { Reconciliation as ReconciliationDto, TShirtScale as TShirtScaleDto } from '../../domain/estimate/estimate';
export type { ProjectSettings as ProjectSettingsDto } from '../../domain/project-settings/project-settings';

import type { PersonRef, PlanningRecord, SpecSectionKey } from '../../domain/planning-record/model';
import type { PlanningOperation } from '../../domain/planning-record/operations';
import type { Decomposition } from '../../domain/decomposition/decomposition';
import type { Reconciliation, TShirtScale } from '../../domain/estimate/estimate';
import type { ProjectSettings } from '../../domain/project-settings/project-settings';

export interface PlanningViewDto {
  item: WorkItemDto;
  record: PlanningRecord;
  /** Why the stored record cannot be read (it is then shown empty and cannot be edited, never overwritten). */
  recordProblem: string | null;
  canEdit: boolean;
  canApprove: boolean;
  decomposition: Decomposition;
  reconciliation: Reconciliation | null;
  tshirtScale: TShirtScale;
  sections: Array<{ key: SpecSectionKey; title: string; maxChars: number }>;
  limits: { assumptionsChars: number; linkTitleChars: number; linkUrlChars: number };
}

export interface UpdatePlanningPayload {
  baseRev: number;
  operation: PlanningOperation;
}

export interface ProjectSettingsViewDto {
  project: { key: string; name: string };
  settings: ProjectSettings;
  canAdminister: boolean;
}

export interface UpdateSettingsPayload {
  architectAccountIds: string[];
  tshirtScale: TShirtScale;
  divergenceThresholdPct: number;
}

/** Resolver definitions, keyed `<surface>.<operation>`. */
export type ResolverDefs = {
  'project.listPlanningItems': (payload: ListPlanningItemsPayload) => Result<PlanningItemsPageDto>;
  'planning.getView': () => Result<PlanningViewDto>;
  'planning.update': (payload: UpdatePlanningPayload) => Result<{ record: PlanningRecord; changed: boolean }>;
  'settings.get': () => Result<ProjectSettingsViewDto>;
  'settings.update': (payload: UpdateSettingsPayload) => Result<ProjectSettings>;
  'settings.searchUsers': (payload: { query: string }) => Result<PersonRef[]>;
};
