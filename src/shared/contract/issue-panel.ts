import type { ReadinessIssueDefs } from './readiness';
import type { Result } from './common';
import type { PlanningUpdateDto, PlanningViewDto, UpdatePlanningPayload } from './planning';
import type { RisksIssuePanelDefs } from './risks';

/** The Planning issue panel (`jira:issuePanel` planning-panel). */
export type IssuePanelDefs = {
  'planning.getView': () => Result<PlanningViewDto>;
  'planning.update': (payload: UpdatePlanningPayload) => Result<PlanningUpdateDto>;
} & ReadinessIssueDefs & RisksIssuePanelDefs;
