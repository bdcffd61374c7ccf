import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { ReactElement } from 'react';
import type { MilestoneDto } from '../../../../src/shared/contract/dependencies';

export interface Release {
  name: string;
  releaseDate: string | null;
}

/**
 * A date, or a release (which sets its date): what "needed by" and "committed by" are. Releases come from
 * the fix versions, the ones that have a date.
 */
export function MilestoneField({ id, label, value, onChange, releases, testId }: { id: string; label: string; value: MilestoneDto | null; onChange: (m: MilestoneDto | null) => void; releases: Release[]; testId: string }): ReactElement {
  const dated = releases.filter((r): r is { name: string; releaseDate: string } => r.releaseDate !== null);
  const options = dated.map((r) => ({ value: r.name, label: `${r.name} (${r.releaseDate})` }));
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="medium">{label}</Text>
      </label>
      <Inline space="space.100" alignBlock="center">
        <Textfield
          id={id}
          type="date"
          width="medium"
          testId={testId}
          value={value?.date ?? ''}
          onChange={(e) => {
            const date = e.currentTarget.value;
            onChange(date === '' ? null : { date, release: null });
          }}
        />
        {options.length > 0 ? (
          <div style={{ minWidth: 200 }}>
            <Select
              inputId={`${id}-release`}
              aria-label={`${label}: or a release`}
              placeholder="or a release"
              isClearable
              options={options}
              value={options.find((o) => o.value === value?.release) ?? null}
              onChange={(o) => {
                const r = dated.find((d) => d.name === o?.value);
                onChange(r ? { date: r.releaseDate, release: r.name } : null);
              }}
            />
          </div>
        ) : null}
      </Inline>
    </Stack>
  );
}
