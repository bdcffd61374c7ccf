import Lozenge from '@atlaskit/lozenge';
import type { ReactElement } from 'react';
import type { ReadinessStateDto } from '../../src/shared/contract/readiness';

const LABEL: Record<ReadinessStateDto, string> = { READY: 'Ready', AT_RISK: 'At risk', NOT_READY: 'Not ready' };
const APPEARANCE: Record<ReadinessStateDto, 'success' | 'moved' | 'removed'> = { READY: 'success', AT_RISK: 'moved', NOT_READY: 'removed' };

/** The readiness state as a lozenge, the same on every surface. */
export function ReadinessStateLozenge({ state, testId }: { state: ReadinessStateDto; testId?: string }): ReactElement {
  return (
    <Lozenge appearance={APPEARANCE[state]} isBold testId={testId}>
      {LABEL[state]}
    </Lozenge>
  );
}

/** The highest open risk rating, as the risk register names it. */
export const RISK_RATING = ['None', 'Low', 'Medium', 'High', 'Critical'] as const;
