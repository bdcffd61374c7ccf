import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import type { RiskSettingsDto } from '../../../../src/shared/contract/risks';
import { ratingOf } from '../../../../src/shared/payloads/risks';
import { RATING_BACKGROUND, RATING_LABEL } from '../../../shared/risks/rating';
import type { Cell } from './portfolio-model';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The heat map of open risks: likelihood (rows, highest on top) by impact (columns), each cell coloured by its
 * rating and showing its count. Clicking a cell filters the list to it; clicking it again clears the filter.
 */
export function HeatMap({ counts, settings, selected, onSelect }: { counts: Map<string, number>; settings: RiskSettingsDto; selected: Cell | null; onSelect: (cell: Cell | null) => void }): ReactElement {
  return (
    <Stack space="space.050" testId="risk-heat-map">
      <table style={{ borderCollapse: 'separate', borderSpacing: 4 }}>
        <thead>
          <tr>
            <th />
            {LEVELS.map((i) => (
              <th key={i} scope="col" style={{ width: 96 }}>
                <Text size="small">
                  {i} {settings.impactLabels[i - 1]}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((l) => (
            <tr key={l}>
              <th scope="row" style={{ textAlign: 'right', paddingRight: 8 }}>
                <Text size="small">
                  {l} {settings.likelihoodLabels[l - 1]}
                </Text>
              </th>
              {LEVELS.map((i) => {
                const count = counts.get(`${l}-${i}`) ?? 0;
                const rating = ratingOf({ likelihood: l, impact: i }, settings.thresholds);
                const chosen = selected?.likelihood === l && selected.impact === i;
                return (
                  <td key={i}>
                    <button
                      type="button"
                      data-testid={`heat-cell-${l}-${i}`}
                      aria-pressed={chosen}
                      aria-label={`Likelihood ${l}, impact ${i} (${RATING_LABEL[rating]}): ${count} open ${count === 1 ? 'risk' : 'risks'}`}
                      onClick={() => onSelect(chosen ? null : { likelihood: l, impact: i })}
                      style={{
                        width: '100%',
                        height: 44,
                        borderRadius: 4,
                        cursor: 'pointer',
                        backgroundColor: RATING_BACKGROUND[rating],
                        border: chosen ? `3px solid ${token('color.border.selected')}` : `1px solid ${token('color.border')}`,
                        color: token('color.text'),
                        fontWeight: count > 0 ? 700 : 400,
                      }}
                    >
                      {count > 0 ? count : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Inline space="space.100">
        <Text size="small" color="color.text.subtlest">
          Rows: likelihood. Columns: impact. Counts of open risks; click a cell to filter the list.
        </Text>
      </Inline>
    </Stack>
  );
}
