import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';
import { estimateText } from '../../shared/planning-format';
import { EstimateForm } from './estimate-form';
import { Reconciliation } from './reconciliation';
import type { Apply } from './use-planning';

export function EstimateTab({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const current = view.record.estimate;
  const format = useDateFormat();
  return (
    <Stack space="space.200" testId="estimate-tab">
      <Stack space="space.075">
        <Heading size="xsmall" as="h3">
          Current estimate
        </Heading>
        {current ? (
          <Text testId="current-estimate">
            {estimateText(current.value, view.tshirtScale)}, confidence {current.confidence}/5, by {current.by.displayName} at {format.dateTime(current.at)}
          </Text>
        ) : (
          <Text color="color.text.subtlest" testId="current-estimate">
            Not estimated yet.
          </Text>
        )}
        <Reconciliation view={view} />
      </Stack>
      {view.canEdit ? <EstimateForm view={view} apply={apply} /> : null}
    </Stack>
  );
}
