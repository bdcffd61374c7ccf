import type { Result } from './common';

/** Readiness on the issue panel and side panel (`readiness.*`) and its project settings (`settings.readiness.*`). */
export type ReadinessStateDto = 'READY' | 'AT_RISK' | 'NOT_READY';
export type CriterionIdDto = 'spec' | 'nfrsAndAcceptance' | 'estimate' | 'decomposition' | 'features' | 'dependencies' | 'risks' | 'impediments' | 'techLead';
export type FactFeatureDto = 'dependencies' | 'risks' | 'impediments';

export interface ScoredCriterionDto {
  criterion: CriterionIdDto;
  title: string;
  /** Points out of 100 this criterion is worth; the weights of the criteria shown add up to 100. */
  weight: number;
  earned: number;
  reason: string;
  nextStep: string | null;
}

export interface ReadinessViewDto {
  issueKey: string;
  score: number;
  state: ReadinessStateDto;
  criteria: ScoredCriterionDto[];
  /** What Jira search has as `readinessScore`; null before the first score is stored. */
  storedScore: number | null;
  counts: {
    dependencies: { open: number; late: number; cycle: 0 | 1; uncommitted: number };
    /** `level`: the highest open risk rating, 0 none to 4 critical. */
    risks: { level: number; unroamed: number; blocking: number };
    impediments: { open: number };
  };
  /** The features whose counts are real (the others have not landed and are not shown). */
  landedFeatures: FactFeatureDto[];
}

export interface ReadinessSettingsDto {
  criteria: Record<CriterionIdDto, { enabled: boolean; weight: number }>;
  thresholds: { ready: number; atRisk: number };
  epicTypeIds: string[];
  featureTypeIds: string[];
}

export interface RecomputeStatusDto {
  state: 'RECOMPUTING' | 'DONE' | 'FAILED';
  requestedAt: string;
  finishedAt: string | null;
  scored: number;
  changed: number;
  message: string | null;
}

export interface ReadinessSettingsViewDto {
  settings: ReadinessSettingsDto;
  canAdminister: boolean;
  issueTypes: Array<{ id: string; name: string; hierarchyLevel: number }>;
  recompute: RecomputeStatusDto | null;
  landedFeatures: FactFeatureDto[];
}

export type ReadinessIssueDefs = {
  'readiness.get': () => Result<ReadinessViewDto>;
};

export type ReadinessSettingsDefs = {
  'settings.readiness.get': () => Result<ReadinessSettingsViewDto>;
  'settings.readiness.update': (payload: ReadinessSettingsDto) => Result<ReadinessSettingsViewDto>;
};
