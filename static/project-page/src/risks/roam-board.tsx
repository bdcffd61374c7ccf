import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PortfolioRiskDto } from '../../../../src/shared/contract/risks';
import { RATING_ORDER, RatingLozenge, ROAM_COLUMNS, ROAM_LABEL } from '../../../shared/risks/rating';
import { ownerOf, ratingIn, type MatrixMode } from './portfolio-model';

const column = xcss({ backgroundColor: 'color.background.neutral', borderRadius: 'radius.medium', padding: 'space.100', minWidth: '180px', flex: '1' });
const card = xcss({ backgroundColor: 'elevation.surface.raised', boxShadow: 'elevation.shadow.raised', borderRadius: 'radius.medium', padding: 'space.100' });

/** The ROAM board for the planning walk-through: unROAMed first, then the four ROAM columns, highest rating on top. */
export function RoamBoard({ risks, mode }: { risks: PortfolioRiskDto[]; mode: MatrixMode }): ReactElement {
  return (
    <Inline space="space.100" alignBlock="start" testId="roam-board">
      {ROAM_COLUMNS.map((state) => {
        const inColumn = risks.filter((r) => r.risk.roam.state === state).sort((a, b) => RATING_ORDER[ratingIn(b, mode)] - RATING_ORDER[ratingIn(a, mode)] || b.risk.score - a.risk.score);
        return (
          <Box key={state} xcss={column} testId={`roam-column-${state}`}>
            <Stack space="space.100">
              <Heading size="xxsmall" as="h3">
                {ROAM_LABEL[state]} ({inColumn.length})
              </Heading>
              {inColumn.map((r) => (
                <Box key={`${r.issue.key}-${r.risk.id}`} xcss={card} testId={`roam-card-${r.risk.id}`}>
                  <Stack space="space.050">
                    <Text size="small" weight="bold">
                      {r.risk.title}
                    </Text>
                    <Inline space="space.075" alignBlock="center">
                      <RatingLozenge rating={ratingIn(r, mode)} />
                      <Text size="small" color="color.text.subtle">
                        {r.issue.key}
                        {ownerOf(r) ? ` · ${ownerOf(r)}` : ''}
                      </Text>
                    </Inline>
                  </Stack>
                </Box>
              ))}
            </Stack>
          </Box>
        );
      })}
    </Inline>
  );
}
