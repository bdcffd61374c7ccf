import type { PersonRefDto, Result, WorkItemDto } from './common';
import type { IntegrityDto } from './planning';

/** The Dependencies tab of the Planning panel: dependencies as commitments (issue 9, ADR 0007). */
export type DependencyStatusDto = 'IDENTIFIED' | 'REQUESTED' | 'COMMITTED' | 'DELIVERED' | 'DECLINED';

export interface MilestoneDto {
  /** yyyy-mm-dd */
  date: string;
  release: string | null;
}

export interface CommitmentDto {
  description: string;
  neededBy: MilestoneDto | null;
  committedBy: MilestoneDto | null;
  owner: PersonRefDto | null;
  status: DependencyStatusDto;
  declineReason: string | null;
  decidedBy: { by: PersonRefDto; at: string } | null;
}

/** The far end: an issue the user may see, one they may not (only that it exists), a team or an external party. */
export type FarEndDto =
  | { kind: 'issue'; key: string; summary: string; statusName: string; done: boolean; team: string | null; assignee: PersonRefDto | null }
  | { kind: 'hidden' }
  | { kind: 'team' | 'external'; name: string };

export interface DependencyDto {
  /** `link:<issue link id>` for an issue dependency, else the app's id. */
  id: string;
  /** `needs`: this issue depends on the far end; `neededBy`: the far end depends on this issue. */
  direction: 'needs' | 'neededBy';
  far: FarEndDto;
  linkType: string | null;
  /** Null when the dependent is an issue the user cannot see. */
  commitment: CommitmentDto | null;
  late: boolean;
  /** Late because its needed-by (uncommitted) or committed-by date has passed. */
  overdue: boolean;
  onCycle: boolean;
  /** Its commitment, delivery or decline was written outside the app: it counts as requested. */
  unverified: boolean;
  can: { edit: boolean; request: boolean; commit: boolean; deliver: boolean; decline: boolean; remove: boolean; linkIssue: boolean };
  /** The revision of the record that holds it (the dependent's), sent back as an edit's `baseRev`. */
  rev: number;
}

/** A CONFLICT error's `conflict.current` for a dependency: its fields as saved now (null when it is gone). */
export type DependencyConflictDto = { description: string; neededBy: MilestoneDto | null; owner: PersonRefDto | null; status: DependencyStatusDto } | null;

export interface DependencyMapNodeDto {
  id: string;
  label: string;
  kind: 'issue' | 'team' | 'external';
  team: string | null;
  key?: string;
  onCycle?: boolean;
  highlighted?: boolean;
}

export interface DependencyMapEdgeDto {
  id: string;
  from: string;
  to: string;
  status: DependencyStatusDto;
  late?: boolean;
  onCycle?: boolean;
}

export interface DependencyViewDto {
  item: WorkItemDto;
  canEdit: boolean;
  needs: DependencyDto[];
  neededBy: DependencyDto[];
  integrity: IntegrityDto;
  recordProblem: string | null;
  history: Array<{ rev: number; at: string; by: PersonRefDto; dependencyId: string; what: string }>;
  /** The project's link types that mean "depends on", with what the dependent and the provider read. */
  linkTypes: Array<{ name: string; dependentText: string; providerText: string }>;
  map: { nodes: DependencyMapNodeDto[]; edges: DependencyMapEdgeDto[]; truncated: boolean; hops: number };
  facts: { open: number; late: number; cycle: 0 | 1; uncommitted: number };
  limits: { descriptionChars: number; reasonChars: number; nameChars: number };
}

export interface DependencyChangeDto {
  changed: boolean;
  /** The revision of the dependent's record this change wrote (null when nothing changed); the view, read after, may show a later one. */
  savedRev: number | null;
  view: DependencyViewDto;
  /** Steps after the save that failed; the save itself landed. */
  warnings: string[];
}

export type DependencyOperationDto =
  | { type: 'add'; target: { kind: 'team'; team: string } | { kind: 'external'; party: string }; description: string; neededBy: MilestoneDto | null; ownerAccountId: string | null }
  /** `baseRev`: the dependency's `rev` as the panel showed it; a change made since then is a CONFLICT (see DependencyConflictDto). */
  | { type: 'edit'; dependencyId: string; baseRev: number; description: string; neededBy: MilestoneDto | null; ownerAccountId: string | null }
  | { type: 'request'; dependencyId: string }
  | { type: 'commit'; dependencyId: string; committedBy: MilestoneDto }
  | { type: 'deliver'; dependencyId: string }
  | { type: 'decline'; dependencyId: string; reason: string }
  | { type: 'remove'; dependencyId: string }
  | { type: 'linkIssue'; dependencyId: string; issueKey: string; linkType: string };

export interface AddIssueDependencyPayload {
  providerKey: string;
  linkType: string;
  description: string;
  neededBy: MilestoneDto | null;
  ownerAccountId: string | null;
  request: boolean;
  hops?: number;
}

export interface IssueOptionDto {
  key: string;
  summary: string;
}

export type DependencyPanelDefs = {
  'dependencies.getView': (payload: { hops?: number }) => Result<DependencyViewDto>;
  'dependencies.change': (payload: { operation: DependencyOperationDto; hops?: number }) => Result<DependencyChangeDto>;
  'dependencies.addIssue': (payload: AddIssueDependencyPayload) => Result<DependencyChangeDto>;
  'dependencies.searchIssues': (payload: { query: string }) => Result<IssueOptionDto[]>;
  'dependencies.searchPeople': (payload: { query: string }) => Result<PersonRefDto[]>;
};

/** The project settings page's Dependencies section. */
export interface DependencySettingsDto {
  settings: { linkTypes: Array<{ name: string; dependentReads: 'inward' | 'outward' }> };
  linkTypes: Array<{ name: string; inward: string; outward: string }>;
  canAdminister: boolean;
  /** After a save: steps that did not complete (the settings are saved). */
  warnings: string[];
}

export type DependencySettingsDefs = {
  'settings.dependencies.get': () => Result<DependencySettingsDto>;
  'settings.dependencies.update': (payload: DependencySettingsDto['settings']) => Result<DependencySettingsDto>;
};

/** The project page's Dependencies view: the portfolio's map, the cross-team matrix and the critical path. */
export interface PortfolioDependenciesDto {
  project: { key: string; name: string };
  nodes: Array<DependencyMapNodeDto & { release: string | null; statusName: string | null; dueDate: string | null }>;
  edges: Array<DependencyMapEdgeDto & { neededBy: string | null; committedBy: string | null }>;
  matrix: { teams: string[]; cells: Array<{ fromTeam: string; toTeam: string; counts: Record<DependencyStatusDto, number>; edgeIds: string[] }> };
  /** `dated`: some hand-off on the path has dates at both ends; otherwise its `days` (0) measure nothing. */
  criticalPath: { nodeIds: string[]; days: number; dated: boolean };
  /** Parts of the portfolio that could not be read: shown on screen. */
  warnings: string[];
}

export type DependencyProjectPageDefs = {
  'dependencies.portfolio': () => Result<PortfolioDependenciesDto>;
};
