import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';

/** The record's last changes, each with who and when (in the user's locale and time zone). */
export function History({ view }: { view: PlanningViewDto }): ReactElement {
  const format = useDateFormat();
  return (
    <Stack space="space.075" testId="history">
      <Heading size="xsmall" as="h3">
        Last changes
      </Heading>
      {view.record.history.length === 0 ? <Text color="color.text.subtlest">No changes yet.</Text> : null}
      {view.record.history.map((h) => (
        <Text key={h.rev} size="small">
          <Text weight="bold" size="small">
            {h.by.displayName}
          </Text>{' '}
          {h.what}{' '}
          <Text color="color.text.subtlest" size="small">
            ({format.dateTime(h.at)})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
