import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactElement } from 'react';
import type { DependencyDto, DependencyViewDto } from '../../../../src/shared/contract/dependencies';
import { ChangedOutsideAppWarning, ErrorMessage, Loading } from '../../../shared/components';
import { SaveFeedback } from '../../../shared/save-feedback';
import { AddDependencyForm } from './add-dependency-form';
import { DependencyHistory } from './dependency-history';
import { DependencyMapSection } from './dependency-map-section';
import { DependencyRow } from './dependency-row';
import { useDependencies, type Dependencies } from './use-dependencies';

function List({ title, items, empty, deps, view, testId }: { title: string; items: DependencyDto[]; empty: string; deps: Dependencies; view: DependencyViewDto; testId: string }): ReactElement {
  return (
    <Stack space="space.075" testId={testId}>
      <Heading size="xsmall" as="h3">
        {title} ({items.length})
      </Heading>
      {items.length === 0 ? <Text color="color.text.subtle">{empty}</Text> : items.map((d) => <DependencyRow key={d.id} d={d} deps={deps} view={view} />)}
    </Stack>
  );
}

/** The Dependencies tab: what this issue needs, who needs it, the map around it, and the history. */
export function DependenciesTab(): ReactElement {
  const deps = useDependencies();
  const [adding, setAdding] = useState(false);
  const loaded = deps.view;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading the dependencies" />;
  const view = loaded.data;
  const { facts } = view;
  return (
    <Stack space="space.200" testId="dependencies-tab">
      <Inline space="space.100" alignBlock="center" testId="dependency-facts">
        <Text>{facts.open} open</Text>
        {facts.late > 0 ? <Lozenge appearance="removed">{facts.late} late</Lozenge> : null}
        {facts.cycle === 1 ? (
          <Lozenge appearance="removed" isBold testId="issue-on-cycle">
            On a dependency cycle
          </Lozenge>
        ) : null}
        {facts.uncommitted > 0 ? <Text color="color.text.subtle">{facts.uncommitted} not committed yet</Text> : null}
      </Inline>
      {view.recordProblem ? (
        <SectionMessage appearance="error" title="The dependencies cannot be read">
          {view.recordProblem}. They are left untouched; changes are off until they are repaired.
        </SectionMessage>
      ) : null}
      <ChangedOutsideAppWarning integrity={view.integrity} testId="dependencies-changed-outside-app" />
      <SaveFeedback state={deps.save.state} testId="dependency-save" />
      {view.canEdit && !adding ? (
        <Inline>
          <Button appearance="primary" testId="add-dependency" onClick={() => setAdding(true)}>
            Add a dependency
          </Button>
        </Inline>
      ) : null}
      {adding ? <AddDependencyForm deps={deps} view={view} onDone={() => setAdding(false)} /> : null}
      <List title="Needs" items={view.needs} empty="This issue depends on nothing yet." deps={deps} view={view} testId="dependencies-needs" />
      <List title="Needed by" items={view.neededBy} empty="Nothing depends on this issue." deps={deps} view={view} testId="dependencies-needed-by" />
      <DependencyMapSection view={view} hops={deps.hops} setHops={deps.setHops} />
      <DependencyHistory view={view} />
    </Stack>
  );
}
