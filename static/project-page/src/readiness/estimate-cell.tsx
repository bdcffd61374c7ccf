import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { EstimateCheckDto, PortfolioRowDto } from '../../../../src/shared/contract/project-page';

/** How the estimate compares with the stories' bottom-up points: a divergence stands out in red. */
const AGREEMENT: Record<EstimateCheckDto['agreement'], { label: string; appearance: 'success' | 'removed' | 'default' } | null> = {
  NONE: null,
  AGREES: { label: 'agrees', appearance: 'success' },
  DIVERGES: { label: 'diverges', appearance: 'removed' },
  NO_BOTTOM_UP: { label: 'no story points', appearance: 'default' },
};

function explain(check: EstimateCheckDto | null): string {
  if (!check) return 'Not compared with the stories yet.';
  const stories = `${check.estimatedStories} of ${check.stories} ${check.stories === 1 ? 'story' : 'stories'} estimated`;
  const words = { NONE: 'No estimate yet', AGREES: 'The estimate agrees with the stories’ points', DIVERGES: 'The estimate diverges from the stories’ points', NO_BOTTOM_UP: 'No story has points to compare with' }[check.agreement];
  return `${words}; ${stories}.`;
}

/** The table's estimate column: the confidence (fist of five) and the estimate against the bottom-up points. */
export function EstimateCell({ row }: { row: Pick<PortfolioRowDto, 'key' | 'estimateConfidence' | 'estimateCheck'> }): ReactElement {
  const agreement = row.estimateCheck ? AGREEMENT[row.estimateCheck.agreement] : null;
  if (row.estimateConfidence === null) return <Text color="color.text.subtlest">none</Text>;
  return (
    <span title={explain(row.estimateCheck)} data-testid={`estimate-${row.key}`}>
      <Inline space="space.075" alignBlock="center">
        <Text>{row.estimateConfidence}/5</Text>
        {agreement ? <Lozenge appearance={agreement.appearance}>{agreement.label}</Lozenge> : null}
      </Inline>
    </span>
  );
}
