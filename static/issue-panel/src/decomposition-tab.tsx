import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import type { ReactElement, ReactNode } from 'react';
import type { DecompositionItemDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { IssueLink } from '../../shared/issue-link';

function ItemList({ items, empty, testId }: { items: DecompositionItemDto[]; empty: string; testId: string }): ReactElement {
  if (items.length === 0) return <Text color="color.text.subtlest">{empty}</Text>;
  return (
    <Stack space="space.050" testId={testId}>
      {items.map((i) => (
        <Inline key={i.key} space="space.100">
          <IssueLink issueKey={i.key} />
          <Text>{i.summary}</Text>
          <Text color="color.text.subtlest">{i.issueTypeName}</Text>
        </Inline>
      ))}
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <Stack space="space.075">
      <Heading size="xsmall" as="h3">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

export function DecompositionTab({ view }: { view: PlanningViewDto }): ReactElement {
  const d = view.decomposition;
  return (
    <Stack space="space.200" testId="decomposition-tab">
      <Block title="Children">
        <Inline space="space.100" alignBlock="center" testId="children-by-status">
          <Text>{d.childCount} children:</Text>
          <Lozenge>{d.childrenByStatus.new} to do</Lozenge>
          <Lozenge appearance="inprogress">{d.childrenByStatus.indeterminate} in progress</Lozenge>
          <Lozenge appearance="success">{d.childrenByStatus.done} done</Lozenge>
        </Inline>
        {d.storyCount !== d.childCount ? (
          <Text color="color.text.subtle">
            {d.storyCount} stories below them: {d.storiesByStatus.new} to do, {d.storiesByStatus.indeterminate} in progress, {d.storiesByStatus.done} done.
          </Text>
        ) : null}
      </Block>
      <Block title="Estimated">
        <Text testId="estimated-share">
          {d.estimatedStoryCount} of {d.storyCount} stories have story points ({d.estimatedPct}%), {d.bottomUpPoints} points in all.
        </Text>
        <ProgressBar value={d.estimatedPct / 100} ariaLabel="Share of stories estimated" appearance={d.estimatedPct === 100 ? 'success' : 'default'} />
      </Block>
      <Block title="Not estimated yet">
        <ItemList items={d.unestimated} empty="Every story has story points." testId="unestimated" />
      </Block>
      <Block title="Enablers and spikes">
        <ItemList items={d.enablers} empty="No enablers or spikes among the children (label them enabler or spike)." testId="enablers" />
      </Block>
    </Stack>
  );
}
