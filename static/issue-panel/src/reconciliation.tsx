import { Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';

/** The top-down estimate against the story-level work items' points: a warning when they diverge beyond the project's threshold. */
export function Reconciliation({ view }: { view: PlanningViewDto }): ReactElement | null {
  const r = view.reconciliation;
  if (!r) return null;
  const d = view.decomposition;
  const basis = `${d.estimatedStoryCount} of ${d.storyCount} work items estimated`;
  if (r.flagged) {
    return (
      <SectionMessage appearance="warning" title="Top-down and bottom-up estimates diverge" testId="divergence">
        <Text>
          The work items below add up to {r.bottomUpPoints} points, {r.distance} the estimated {r.range.low}-{r.range.high} points ({basis}).
          Revisit the estimate or the decomposition before planning.
        </Text>
      </SectionMessage>
    );
  }
  return (
    <Text color="color.text.subtle" testId="reconciliation">
      Bottom-up: {r.bottomUpPoints} points ({basis}){r.position === 'within' ? ', within the estimate.' : `, ${r.distance} the estimate${r.partial ? ' while refinement goes on' : ''}.`}
    </Text>
  );
}
