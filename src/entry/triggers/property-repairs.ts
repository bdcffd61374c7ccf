import { CONTEXT_MODULE_KEY } from '../../adapters/jira/jira-context-status';
import { PLANNING_RECORD_PROPERTY } from '../../adapters/jira/planning-record/jira-planning-record-store';
import { repairPlanningIndex } from '../../application/planning/repair-planning-index';
import { asAppDeps, asAppEscalationDeps, dependencyFactsDeps } from '../../composition';
import { DEPENDENCIES_PROPERTY } from '../../adapters/jira/dependencies/jira-dependency-record-store';
import { repairDependencyFacts } from '../../application/dependencies/repair-dependency-facts';
import { IMPEDIMENTS_PROPERTY } from '../../adapters/jira/impediments/jira-impediment-store';
import { repairImpediments } from '../../application/impediments/repair-impediments';
import { refreshPlanningFacts } from '../../application/readiness/refresh-planning-facts';
import { RISK_REGISTER_PROPERTY } from '../../adapters/jira/risks/jira-risk-register-store';
import { repairRiskFacts } from '../../application/risks/repair-risk-facts';

/**
 * What the app repairs when someone writes one of its properties outside the app: each feature names the
 * properties it owns and recomputes its own section of the item summary from its verified record. A write
 * to the summary itself runs every repair, since any section of it may have been forged.
 */
export interface PropertyRepair {
  /** The feature, for the log line. */
  feature: string;
  owns(propertyKey: string): boolean;
  repair(issueId: string): Promise<string>;
}

export const PROPERTY_REPAIRS: PropertyRepair[] = [
  {
    feature: 'planning',
    owns: (key) => key === PLANNING_RECORD_PROPERTY || key.endsWith(`:${CONTEXT_MODULE_KEY}:status`),
    repair: (issueId) => repairPlanningIndex(asAppDeps(), issueId),
  },
  {
    feature: 'dependencies',
    owns: (key) => key === DEPENDENCIES_PROPERTY,
    repair: (issueId) => repairDependencyFacts(dependencyFactsDeps(), issueId),
  },
  // Readiness owns no property of its own: a forged summary (its score or planning facts) is recomputed.
  { feature: 'readiness', owns: () => false, repair: (issueId) => refreshPlanningFacts(asAppDeps(), issueId) },
  {
    feature: 'risks',
    owns: (key) => key === RISK_REGISTER_PROPERTY,
    repair: (issueId) => repairRiskFacts(asAppDeps(), issueId),
  },
  {
    feature: 'impediments',
    owns: (key) => key === IMPEDIMENTS_PROPERTY,
    repair: (issueId) => repairImpediments(asAppEscalationDeps(), issueId),
  },
];
