import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { DependencyViewDto } from '../../../../src/shared/contract/dependencies';
import { useDateFormat } from '../../../shared/date-format-context';

/** The last changes to this issue's dependencies: who, what (on which dependency) and when. */
export function DependencyHistory({ view }: { view: DependencyViewDto }): ReactElement {
  const format = useDateFormat();
  const onWhat = (dependencyId: string): string => {
    const d = view.needs.find((n) => n.id === dependencyId);
    if (!d) return '';
    return d.far.kind === 'issue' ? ` (${d.far.key})` : d.far.kind === 'hidden' ? '' : ` (${d.far.name})`;
  };
  return (
    <Stack space="space.075" testId="dependency-history">
      <Heading size="xsmall" as="h3">
        Last changes to what this issue needs
      </Heading>
      <Text color="color.text.subtle" size="small">
        Answers to what others need from this issue are recorded on their issues.
      </Text>
      {view.history.length === 0 ? <Text color="color.text.subtlest">No changes yet.</Text> : null}
      {view.history.map((h) => (
        <Text key={h.rev} size="small">
          <Text weight="bold" size="small">
            {h.by.displayName}
          </Text>{' '}
          {h.what}
          {onWhat(h.dependencyId)}{' '}
          <Text color="color.text.subtlest" size="small">
            ({format.dateTime(h.at)})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
