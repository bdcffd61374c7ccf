import type { ReadinessIssueDefs } from './readiness';
import type { Result } from './common';
import type { PlanningViewDto } from './planning';

/** The Readiness side panel (`jira:issueContext` readiness-context). */
export type IssueContextDefs = {
  'planning.getView': () => Result<PlanningViewDto>;
} & ReadinessIssueDefs;
