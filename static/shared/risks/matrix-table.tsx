import { Text } from '@atlaskit/primitives';
import type { ReactElement, ReactNode } from 'react';
import type { RiskSettingsDto } from '../../../src/shared/contract/risks';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The 5x5 likelihood x impact grid with the project's labels: likelihood in rows (highest on top), impact in
 * columns. The picker and the heat map render their own cells into it.
 */
export function MatrixTable({ settings, corner, cell, maxWidth }: { settings: RiskSettingsDto; corner?: string; cell: (likelihood: number, impact: number) => ReactNode; maxWidth?: number }): ReactElement {
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 4, width: '100%', maxWidth }}>
      <thead>
        <tr>
          <th scope="col">
            <Text size="small" color="color.text.subtlest">
              {corner ?? ''}
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
        {[...LEVELS].reverse().map((l) => (
          <tr key={l}>
            <th scope="row" style={{ textAlign: 'right', paddingRight: 8, width: 110 }}>
              <Text size="small">
                {l} {settings.likelihoodLabels[l - 1]}
              </Text>
            </th>
            {LEVELS.map((i) => (
              <td key={i}>{cell(l, i)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
