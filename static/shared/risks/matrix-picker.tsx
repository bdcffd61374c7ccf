import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import type { RiskSettingsDto } from '../../../src/shared/contract/risks';
import { ratingOf } from '../../../src/shared/payloads/risks';
import { RATING_BACKGROUND, RATING_LABEL } from './rating';

const LEVELS = [1, 2, 3, 4, 5] as const;
const ROWS = [...LEVELS].reverse();

const labelStyle = xcss({ width: '96px' });

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
      <table style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%', maxWidth: 560 }}>
        <thead>
          <tr>
            <th scope="col">
              <Text size="small" color="color.text.subtlest">
                Likelihood ↓ / Impact →
              </Text>
            </th>
            {LEVELS.map((i) => (
              <th key={i} scope="col">
                <Text size="small">
                  {i} {settings.impactLabels[i - 1]}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((l) => (
            <tr key={l}>
              <th scope="row">
                <Box xcss={labelStyle}>
                  <Text size="small">
                    {l} {settings.likelihoodLabels[l - 1]}
                  </Text>
                </Box>
              </th>
              {LEVELS.map((i) => {
                const rating = ratingOf({ likelihood: l, impact: i }, settings.thresholds);
                const chosen = value?.likelihood === l && value.impact === i;
                const allowed = !disabled && (maxScore === undefined || l * i <= maxScore);
                return (
                  <td key={i}>
                    <button
                      type="button"
                      data-testid={`${testId}-${l}-${i}`}
                      aria-pressed={chosen}
                      aria-label={`Likelihood ${l} (${settings.likelihoodLabels[l - 1]}), impact ${i} (${settings.impactLabels[i - 1]}): ${RATING_LABEL[rating]}, score ${l * i}`}
                      disabled={!allowed}
                      onClick={() => onChange({ likelihood: l, impact: i })}
                      style={{
                        backgroundColor: RATING_BACKGROUND[rating],
                        border: chosen ? `3px solid ${token('color.border.selected')}` : `1px solid ${token('color.border')}`,
                        opacity: allowed ? 1 : 0.35,
                        color: token('color.text'),
                        width: '100%',
                        minHeight: 36,
                        borderRadius: 4,
                        cursor: allowed ? 'pointer' : 'not-allowed',
                      }}
                    >
                      <Text size="small" weight={chosen ? 'bold' : 'regular'}>
                        {l * i}
                      </Text>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
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
