import type { PersonRefDto, Result, WorkItemDto } from './common';
import type { IntegrityDto } from './planning';

/**
 * The risk register's contract: the Risks tab of the issue panel, the project page's Risks view and the
 * risk section of the project settings. Wire DTOs, separate from the domain model and the stored format.
 */
export type RiskCategoryDto = 'technical' | 'dependency' | 'resource' | 'schedule' | 'external';
export type RoamStateDto = 'UNROAMED' | 'RESOLVED' | 'OWNED' | 'ACCEPTED' | 'MITIGATED';
export type RatingDto = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface StampDto {
  by: PersonRefDto;
  at: string;
}

export type RoamDto =
  | { state: 'UNROAMED' }
  | ({ state: 'RESOLVED'; note: string } & StampDto)
  | ({ state: 'OWNED'; owner: PersonRefDto } & StampDto)
  | ({ state: 'ACCEPTED'; rationale: string } & StampDto)
  | ({ state: 'MITIGATED'; plan: string; residual: { likelihood: number; impact: number } } & StampDto);

export interface RiskDto {
  id: string;
  title: string;
  description: string;
  category: RiskCategoryDto;
  likelihood: number;
  impact: number;
  /** likelihood x impact (1-25) and its rating under the project's thresholds. */
  score: number;
  rating: RatingDto;
  roam: RoamDto;
  /** The rating after the response: a mitigated risk's residual rating, else the inherent one. */
  currentRating: RatingDto;
  dueDate: string | null;
  /** Set for a risk the app raised from a late or declined dependency. */
  dependencyId: string | null;
  closeProposed: { at: string; reason: string } | null;
  created: StampDto;
  updated: StampDto;
}

export interface RiskSettingsDto {
  likelihoodLabels: string[];
  impactLabels: string[];
  thresholds: { medium: number; high: number; critical: number };
}

export interface RiskHistoryDto {
  rev: number;
  at: string;
  by: PersonRefDto;
  riskId: string;
  what: string;
}

export interface RiskViewDto {
  item: WorkItemDto;
  rev: number;
  risks: RiskDto[];
  history: RiskHistoryDto[];
  integrity: IntegrityDto & { unverifiedAcceptances: string[] };
  /** Why the stored register cannot be read (shown empty, not editable, never overwritten). */
  problem: string | null;
  canEdit: boolean;
  settings: RiskSettingsDto;
  counts: { level: number; unroamed: number; blocking: number };
  limits: { titleChars: number; descriptionChars: number; planChars: number; noteChars: number; risks: number };
}

export interface RisksUpdateDto {
  changed: boolean;
  view: RiskViewDto;
  warnings: string[];
}

export interface RiskFieldsDto {
  title: string;
  description: string;
  category: RiskCategoryDto;
  dueDate: string | null;
}

export type RoamInputDto =
  | { state: 'UNROAMED' }
  | { state: 'RESOLVED'; note: string }
  | { state: 'OWNED'; ownerAccountId: string }
  | { state: 'ACCEPTED'; rationale: string }
  | { state: 'MITIGATED'; plan: string; residual: { likelihood: number; impact: number } };

export type RiskOperationDto =
  | { type: 'risk.add'; fields: RiskFieldsDto; rating: { likelihood: number; impact: number } }
  | { type: 'risk.edit'; riskId: string; fields: RiskFieldsDto }
  | { type: 'risk.rate'; riskId: string; rating: { likelihood: number; impact: number } }
  | { type: 'risk.roam'; riskId: string; roam: RoamInputDto }
  | { type: 'risk.delete'; riskId: string };

export interface UpdateRisksPayload {
  baseRev: number;
  operation: RiskOperationDto;
}

export interface DependencySignalDto {
  dependencyId: string;
  state: 'LATE' | 'DECLINED' | 'RESOLVED';
  title: string;
}

export interface PortfolioRiskDto {
  issue: { key: string; summary: string; team: string | null; releases: string[] };
  risk: RiskDto;
}

export interface PortfolioRisksDto {
  project: { key: string; name: string };
  settings: RiskSettingsDto;
  risks: PortfolioRiskDto[];
  warnings: string[];
}

export type RisksIssuePanelDefs = {
  'risks.getView': () => Result<RiskViewDto>;
  'risks.update': (payload: UpdateRisksPayload) => Result<RisksUpdateDto>;
  'risks.searchUsers': (payload: { query: string }) => Result<PersonRefDto[]>;
  /** Raises or proposes closing dependency risks; the demo seed's stand-in for the dependency trigger. */
  'risks.syncDependencies': (payload: { signals: DependencySignalDto[] }) => Result<{ raised: string[]; proposed: string[] }>;
};

export type RisksProjectPageDefs = {
  'risks.portfolio': () => Result<PortfolioRisksDto>;
};

export type RisksSettingsDefs = {
  'settings.risks.get': () => Result<{ settings: RiskSettingsDto; canAdminister: boolean }>;
  'settings.risks.update': (payload: RiskSettingsDto) => Result<RiskSettingsDto>;
};
