import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { RiskSettingsDto } from '../../../src/shared/contract/risks';
import { ratingOf } from '../../../src/shared/payloads/risks';
import { MatrixTable } from './matrix-table';
import { cellStyle, RATING_LABEL } from './rating';


export interface MatrixValue {
  likelihood: number;
  impact: number;
}

/**
 * The 5x5 likelihood x impact matrix as a picker: rows are likelihood (highest on top), columns impact, each
 * cell coloured by the rating the app gives it under the project's thresholds and named with the project's
 * labels. Each cell is a button (`<testId>-<likelihood>-<impact>`), pressed when chosen. `maxScore` greys out
 * cells above it (a residual rating cannot exceed the inherent one).
 */
export function MatrixPicker({ value, onChange, settings, testId, maxScore, disabled = false }: { value: MatrixValue | null; onChange: (v: MatrixValue) => void; settings: RiskSettingsDto; testId: string; maxScore?: number; disabled?: boolean }): ReactElement {
  return (
    <Stack space="space.050" testId={testId}>
      <MatrixTable
        settings={settings}
        corner="Likelihood ↓ / Impact →"
        maxWidth={560}
        cell={(l, i) => {
          const rating = ratingOf({ likelihood: l, impact: i }, settings.thresholds);
          const chosen = value?.likelihood === l && value.impact === i;
          const allowed = !disabled && (maxScore === undefined || l * i <= maxScore);
          return (
            <button
              type="button"
              data-testid={`${testId}-${l}-${i}`}
              aria-pressed={chosen}
              aria-label={`Likelihood ${l} (${settings.likelihoodLabels[l - 1]}), impact ${i} (${settings.impactLabels[i - 1]}): ${RATING_LABEL[rating]}, score ${l * i}`}
              disabled={!allowed}
              onClick={() => onChange({ likelihood: l, impact: i })}
              style={{ ...cellStyle(rating, chosen), minHeight: 36, opacity: allowed ? 1 : 0.35, cursor: allowed ? 'pointer' : 'not-allowed' }}
            >
              <Text size="small" weight={chosen ? 'bold' : 'regular'}>
                {l * i}
              </Text>
            </button>
          );
        }}
      />
      {value ? (
        <Text size="small" testId={`${testId}-chosen`}>
          Likelihood {value.likelihood} ({settings.likelihoodLabels[value.likelihood - 1]}) x impact {value.impact} ({settings.impactLabels[value.impact - 1]}) = {value.likelihood * value.impact}:{' '}
          {RATING_LABEL[ratingOf(value, settings.thresholds)]}
        </Text>
      ) : (
        <Text size="small" color="color.text.subtlest">
          Choose a cell.
        </Text>
      )}
    </Stack>
  );
}
