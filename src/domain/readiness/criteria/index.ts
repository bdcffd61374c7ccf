import type { Criterion, CriterionId } from '../criterion';
import { decomposed } from './decomposed';
import { dependenciesCommitted } from './dependencies';
import { estimateAgrees } from './estimate';
import { featuresReady } from './features-ready';
import { noOpenImpediments } from './impediments';
import { nfrsAndAcceptance } from './nfrs-and-acceptance';
import { risksHandled } from './risks';
import { specApproved } from './spec-approved';
import { techLeadNamed } from './tech-lead';

/** Every criterion by id; `CRITERION_IDS` gives their order. */
export const CRITERIA: Record<CriterionId, Criterion> = {
  spec: specApproved,
  nfrsAndAcceptance,
  estimate: estimateAgrees,
  decomposition: decomposed,
  features: featuresReady,
  dependencies: dependenciesCommitted,
  risks: risksHandled,
  impediments: noOpenImpediments,
  techLead: techLeadNamed,
};
