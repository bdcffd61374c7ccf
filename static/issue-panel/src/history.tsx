import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';

/** The record's last changes, each with who and when (in the user's locale and time zone). */
export function History({ view }: { view: PlanningViewDto }): ReactElement {
  return <ChangeList entries={view.record.history} testId="history" />;
}

/** Last changes, newest first as given, each with who and when; shared by the Planning and Risks tabs. */
export function ChangeList({ entries, testId }: { entries: Array<{ rev: number; at: string; by: { displayName: string }; what: string }>; testId: string }): ReactElement {
  const format = useDateFormat();
  return (
    <Stack space="space.075" testId={testId}>
      <Heading size="xsmall" as="h3">
        Last changes
      </Heading>
      {entries.length === 0 ? <Text color="color.text.subtlest">No changes yet.</Text> : null}
      {entries.map((h) => (
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
