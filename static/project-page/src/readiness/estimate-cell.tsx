import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { EstimateCheckDto, PortfolioRowDto } from '../../../../src/shared/contract/project-page';
import { estimateAgainstPoints } from '../../../../src/shared/portfolio/estimate-points';

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
  const numbers = estimateAgainstPoints(check);
  return `${words}${numbers ? ` (${numbers})` : ''}; ${stories}.`;
}

/**
 * The table's estimate column: the confidence (fist of five) and the estimate against the bottom-up points,
 * with the numbers compared under it (`M (8-20 pts) vs 21 pts`, red when they diverge).
 */
export function EstimateCell({ row }: { row: Pick<PortfolioRowDto, 'key' | 'estimateConfidence' | 'estimateCheck'> }): ReactElement {
  const check = row.estimateCheck;
  const agreement = check ? AGREEMENT[check.agreement] : null;
  if (row.estimateConfidence === null) return <Text color="color.text.subtlest">none</Text>;
  const numbers = check && estimateAgainstPoints(check);
  return (
    <span title={explain(check)} data-testid={`estimate-${row.key}`}>
      <Stack>
        <Inline space="space.075" alignBlock="center">
          <Text>{row.estimateConfidence}/5</Text>
          {agreement ? <Lozenge appearance={agreement.appearance}>{agreement.label}</Lozenge> : null}
        </Inline>
        {numbers ? (
          <Text size="small" color={check.agreement === 'DIVERGES' ? 'color.text.danger' : 'color.text.subtle'} testId={`estimate-points-${row.key}`}>
            {numbers}
          </Text>
        ) : null}
      </Stack>
    </span>
  );
}
