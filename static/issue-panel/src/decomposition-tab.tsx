import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import type { ReactElement, ReactNode } from 'react';
import type { ChildPlanningDto, DecompositionDto, DecompositionItemDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { IssueLink } from '../../shared/issue-link';
import { estimateText, SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL } from '../../shared/planning-format';

const STATUS_WORDS = { new: 'to do', indeterminate: 'in progress', done: 'done' } as const;

/** "10 Stories, 2 Bugs": each issue type by its own name, plural when more than one. */
export function typeCounts(byType: Array<{ name: string; count: number }>): string {
  return byType.map((t) => `${t.count} ${t.count === 1 ? t.name : plural(t.name)}`).join(', ');
}

function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

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

/** A child with its own issue type and status; an epic's or feature's child also shows its spec and estimate. */
function ChildRow({ child, planning, view }: { child: DecompositionItemDto; planning: ChildPlanningDto | undefined; view: PlanningViewDto }): ReactElement {
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId={`child-${child.key}`}>
      <IssueLink issueKey={child.key} />
      <Text>{child.summary}</Text>
      <Text color="color.text.subtlest">{child.issueTypeName}</Text>
      <Lozenge appearance={child.statusCategory === 'done' ? 'success' : child.statusCategory === 'indeterminate' ? 'inprogress' : 'default'}>{STATUS_WORDS[child.statusCategory]}</Lozenge>
      {child.team ? <Text color="color.text.subtle">{child.team}</Text> : null}
      {planning ? (
        <>
          <Lozenge appearance={SPEC_STATUS_APPEARANCE[planning.specStatus]} testId={`child-${child.key}-spec`}>
            Spec {SPEC_STATUS_LABEL[planning.specStatus].toLowerCase()}
          </Lozenge>
          <Text color="color.text.subtle" testId={`child-${child.key}-estimate`}>
            {planning.estimate ? `${estimateText(planning.estimate.value, view.tshirtScale)}, confidence ${planning.estimate.confidence}/5` : 'not estimated'}
          </Text>
        </>
      ) : null}
    </Inline>
  );
}

/** Work items per hierarchy level below the item: "3 Features: 1 to do, 2 in progress". */
function Levels({ d }: { d: DecompositionDto }): ReactElement {
  return (
    <Stack space="space.050" testId="levels">
      {d.levels.map((l) => (
        <Text key={l.hierarchyLevel} testId={`level-${l.hierarchyLevel}`}>
          {typeCounts(l.byType)}: {l.byStatus.new} to do, {l.byStatus.indeterminate} in progress, {l.byStatus.done} done
        </Text>
      ))}
    </Stack>
  );
}

export function DecompositionTab({ view }: { view: PlanningViewDto }): ReactElement {
  const d = view.decomposition;
  return (
    <Stack space="space.200" testId="decomposition-tab">
      <Block title="Children">
        {d.children.length === 0 ? (
          <Text color="color.text.subtlest">Nothing is broken down under this item yet.</Text>
        ) : (
          <Stack space="space.075" testId="children">
            {d.children.map((c) => (
              <ChildRow key={c.key} child={c} planning={view.childPlanning.find((p) => p.key === c.key)} view={view} />
            ))}
          </Stack>
        )}
      </Block>
      {d.levels.length > 0 ? (
        <Block title="Work items by level">
          <Levels d={d} />
        </Block>
      ) : null}
      <Block title="Estimated">
        <Text testId="estimated-share">
          {d.estimatedStoryCount} of {d.storyCount} work items at the story level have story points ({d.estimatedPct}%), {d.bottomUpPoints} points in all.
        </Text>
        <ProgressBar value={d.estimatedPct / 100} ariaLabel="Share of story-level work items estimated" appearance={d.estimatedPct === 100 ? 'success' : 'default'} />
      </Block>
      <Block title="Not estimated yet">
        <ItemList items={d.unestimated} empty="Every work item at the story level has story points." testId="unestimated" />
      </Block>
      <Block title="Enablers and spikes">
        <ItemList items={d.enablers} empty="No enablers or spikes among the children (label them enabler or spike)." testId="enablers" />
      </Block>
    </Stack>
  );
}
