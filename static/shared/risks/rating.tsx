import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactElement } from 'react';
import type { RatingDto, RoamStateDto } from '../../../src/shared/contract/risks';

/** How the risk surfaces (the issue panel's Risks tab and the project page's Risks view) show ratings and ROAM states. */
export const RATING_LABEL: Record<RatingDto, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' };
export const RATING_ORDER: Record<RatingDto, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
export const ROAM_LABEL: Record<RoamStateDto, string> = { UNROAMED: 'unROAMed', RESOLVED: 'Resolved', OWNED: 'Owned', ACCEPTED: 'Accepted', MITIGATED: 'Mitigated' };
export const ROAM_COLUMNS: RoamStateDto[] = ['UNROAMED', 'RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED'];
export const CATEGORY_LABEL = { technical: 'Technical', dependency: 'Dependency', resource: 'Resource', schedule: 'Schedule', external: 'External' } as const;

/** Matrix cell backgrounds: design tokens, so the colours follow the light and dark themes. */
const RATING_BACKGROUND: Record<RatingDto, string> = {
  LOW: token('color.background.accent.green.subtler'),
  MEDIUM: token('color.background.accent.yellow.subtler'),
  HIGH: token('color.background.accent.orange.subtler'),
  CRITICAL: token('color.background.accent.red.subtle'),
};

/** A matrix cell's look: its rating's colour, a thick border when chosen. */
export function cellStyle(rating: RatingDto, chosen: boolean): CSSProperties {
  return {
    width: '100%',
    borderRadius: 4,
    backgroundColor: RATING_BACKGROUND[rating],
    border: chosen ? `3px solid ${token('color.border.selected')}` : `1px solid ${token('color.border')}`,
    color: token('color.text'),
  };
}

const RATING_APPEARANCE = { LOW: 'success', MEDIUM: 'moved', HIGH: 'removed', CRITICAL: 'removed' } as const;

export function RatingLozenge({ rating, testId }: { rating: RatingDto; testId?: string }): ReactElement {
  return (
    <Lozenge appearance={RATING_APPEARANCE[rating]} isBold={rating === 'CRITICAL'} testId={testId}>
      {RATING_LABEL[rating]}
    </Lozenge>
  );
}

const ROAM_APPEARANCE = { UNROAMED: 'default', RESOLVED: 'success', OWNED: 'inprogress', ACCEPTED: 'new', MITIGATED: 'moved' } as const;

export function RoamLozenge({ state, testId }: { state: RoamStateDto; testId?: string }): ReactElement {
  return (
    <Lozenge appearance={ROAM_APPEARANCE[state]} testId={testId}>
      {ROAM_LABEL[state]}
    </Lozenge>
  );
}
