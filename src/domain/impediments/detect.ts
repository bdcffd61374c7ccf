import type { ActiveCause } from './model';
import { blockedByRule } from './rules/blocked-by';
import { escalationLabelRule } from './rules/escalation-label';
import { flaggedRule } from './rules/flagged';
import { priorityHighestRule } from './rules/priority-highest';
import type { DetectionRule } from './rules/rule';
import type { EscalationSettings } from './settings';
import type { SourceFacts } from './source-facts';

export const DETECTION_RULES: readonly DetectionRule[] = [flaggedRule, priorityHighestRule, escalationLabelRule, blockedByRule];

/**
 * The causes active on a work item now, by the rules the project has switched on. A pure function of the
 * current state, so a repeated or reordered event computes the same answer.
 */
export function activeCauses(facts: SourceFacts, settings: EscalationSettings): ActiveCause[] {
  return DETECTION_RULES.filter((r) => settings.rules[r.cause]).flatMap((r) => r.detect(facts, settings));
}
