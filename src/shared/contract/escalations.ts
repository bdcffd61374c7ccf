import type { PersonRefDto, Result } from './common';

/** Escalated impediments on the wire (project page agenda, project settings). */
export type ImpedimentCauseDto = 'FLAGGED' | 'PRIORITY_HIGHEST' | 'LABEL' | 'BLOCKED_BY' | 'ESCALATED';
export type SeverityDto = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface AgendaImpedimentDto {
  id: string;
  item: { key: string; summary: string };
  cause: ImpedimentCauseDto;
  detail: string | null;
  source: { key: string; summary: string | null };
  severity: SeverityDto;
  raisedAt: string;
  ageWorkingDays: number;
  slaBreached: boolean;
  owner: { accountId: string; displayName: string } | null;
  nextStep: string | null;
  discussedAt: string | null;
}

export interface AgendaItemDto {
  key: string;
  summary: string;
  lateDependencies: number;
  riskLevel: number;
}

export interface AgendaDto {
  project: { key: string; name: string };
  slaWorkingDays: number;
  lastMeetingAt: string | null;
  impediments: AgendaImpedimentDto[];
  resolved: Array<{ id: string; item: { key: string; summary: string }; sourceKey: string; cause: ImpedimentCauseDto; resolvedAt: string; workingDaysToResolve: number }>;
  lateDependencies: AgendaItemDto[];
  criticalRisks: AgendaItemDto[];
  markdown: string;
  warnings: string[];
  /** Whether "Assign to me", "Mark discussed" and "Close meeting" are offered (EDIT_ISSUES in the project). */
  canEdit: boolean;
}

export interface FollowUpPayload {
  itemKey: string;
  impedimentId: string;
  owner?: string | null;
  nextStep?: string | null;
  discussed?: boolean;
}

export type EscalationsPageDefs = {
  'escalations.getAgenda': () => Result<AgendaDto>;
  'escalations.followUp': (payload: FollowUpPayload) => Result<{ warnings: string[] }>;
  /** `previous`: the last meeting the agenda showed (`lastMeetingAt`, or 'none'); another close meanwhile is a conflict. */
  'escalations.closeMeeting': (payload: { previous: string }) => Result<{ lastMeetingAt: string }>;
  /** Project administrators: recompute the project's impediments from Jira as it is now. */
  'escalations.rescan': () => Result<{ issues: number; warnings: string[] }>;
  /** People to own an impediment, as the user types. */
  'escalations.searchUsers': (payload: { query: string }) => Result<PersonRefDto[]>;
};

export interface EscalationSettingsDto {
  rules: { FLAGGED: boolean; PRIORITY_HIGHEST: boolean; LABEL: boolean; BLOCKED_BY: boolean };
  label: string;
  slaWorkingDays: number;
  commentOnRaise: boolean;
  fieldSignal: 'NONE' | 'LABEL' | 'FLAG';
  signalLabel: string;
}

export interface EscalationSettingsViewDto {
  settings: EscalationSettingsDto;
  canAdminister: boolean;
  secretCreatedAt: string | null;
  webTriggerUrl: string | null;
}

export type EscalationSettingsDefs = {
  'settings.escalations.get': () => Result<EscalationSettingsViewDto>;
  'settings.escalations.update': (payload: EscalationSettingsDto) => Result<EscalationSettingsDto>;
  /**
   * The new secret is in this answer only: it is never shown again. `previous`: the secret's creation time the page
   * showed (or 'none'); a rotation by someone else meanwhile is a conflict, so no one is left with a dead secret.
   */
  'settings.escalations.rotateSecret': (payload: { previous: string }) => Result<{ secret: string; createdAt: string }>;
};
