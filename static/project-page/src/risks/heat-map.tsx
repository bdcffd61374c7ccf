import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { RiskSettingsDto } from '../../../../src/shared/contract/risks';
import { ratingOf } from '../../../../src/shared/payloads/risks';
import { MatrixTable } from '../../../shared/risks/matrix-table';
import { cellStyle, RATING_LABEL } from '../../../shared/risks/rating';
import type { Cell } from './portfolio-model';

/**
 * The heat map of open risks: likelihood (rows, highest on top) by impact (columns), each cell coloured by its
 * rating and showing its count. Clicking a cell filters the list to it; clicking it again clears the filter.
 */
export function HeatMap({ counts, settings, selected, onSelect }: { counts: Map<string, number>; settings: RiskSettingsDto; selected: Cell | null; onSelect: (cell: Cell | null) => void }): ReactElement {
  return (
    <Stack space="space.050" testId="risk-heat-map">
      <MatrixTable
        settings={settings}
        cell={(l, i) => {
          const count = counts.get(`${l}-${i}`) ?? 0;
          const rating = ratingOf({ likelihood: l, impact: i }, settings.thresholds);
          const chosen = selected?.likelihood === l && selected.impact === i;
          return (
            <button
              type="button"
              data-testid={`heat-cell-${l}-${i}`}
              aria-pressed={chosen}
              aria-label={`Likelihood ${l}, impact ${i} (${RATING_LABEL[rating]}): ${count} open ${count === 1 ? 'risk' : 'risks'}`}
              onClick={() => onSelect(chosen ? null : { likelihood: l, impact: i })}
              style={{ ...cellStyle(rating, chosen), height: 44, minWidth: 72, cursor: 'pointer', fontWeight: count > 0 ? 700 : 400 }}
            >
              {count > 0 ? count : ''}
            </button>
          );
        }}
      />
      <Inline space="space.100">
        <Text size="small" color="color.text.subtlest">
          Rows: likelihood. Columns: impact. Counts of open risks; click a cell to filter the list.
        </Text>
      </Inline>
    </Stack>
  );
}
