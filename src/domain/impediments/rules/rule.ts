import type { ActiveCause, DetectedCause } from '../model';
import type { EscalationSettings } from '../settings';
import type { SourceFacts } from '../source-facts';

/** One detection rule: the causes it sees on a work item's current state (none when it does not apply). */
export interface DetectionRule {
  cause: DetectedCause;
  detect(facts: SourceFacts, settings: EscalationSettings): ActiveCause[];
}
