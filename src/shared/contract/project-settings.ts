import type { ReadinessSettingsDefs } from './readiness';
import type { PersonRefDto, ProjectSettingsDto, Result, TShirtScaleDto } from './common';
import type { DependencySettingsDefs } from './dependencies';
import type { RisksSettingsDefs } from './risks';
import type { EscalationSettingsDefs } from './escalations';

/** The project settings page (`jira:projectSettingsPage` planning-readiness-settings). */
export interface ProjectSettingsViewDto {
  project: { key: string; name: string };
  settings: ProjectSettingsDto;
  canAdminister: boolean;
}

export interface UpdateSettingsPayload {
  architectAccountIds: string[];
  tshirtScale: TShirtScaleDto;
  divergenceThresholdPct: number;
}

export type ProjectSettingsDefs = {
  'settings.get': () => Result<ProjectSettingsViewDto>;
  'settings.update': (payload: UpdateSettingsPayload) => Result<ProjectSettingsDto>;
  'settings.searchUsers': (payload: { query: string }) => Result<PersonRefDto[]>;
} & DependencySettingsDefs &
  ReadinessSettingsDefs &
  RisksSettingsDefs &
  ReviewSettingsDefs &
  EscalationSettingsDefs;

/** Review settings (KVS `settings:review:<projectKey>`): notices as Jira comments on submit, approve and request changes. */
export interface ReviewSettingsDto {
  notifyByComment: boolean;
}

export type ReviewSettingsDefs = {
  'settings.review.get': () => Result<{ settings: ReviewSettingsDto; canAdminister: boolean }>;
  'settings.review.update': (payload: ReviewSettingsDto) => Result<ReviewSettingsDto>;
};
