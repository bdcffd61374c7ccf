import type { ReadinessIssueDefs } from './readiness';
import type { Result } from './common';
import type { PlanningUpdateDto, PlanningViewDto, UpdatePlanningPayload } from './planning';

/** The Planning issue panel (`jira:issuePanel` planning-panel). */
export type IssuePanelDefs = {
  'planning.getView': () => Result<PlanningViewDto>;
  'planning.update': (payload: UpdatePlanningPayload) => Result<PlanningUpdateDto>;
} & ReadinessIssueDefs;
