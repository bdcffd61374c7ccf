import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { ReactElement } from 'react';
import { ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { IssueLink } from '../../shared/issue-link';
import { mount } from '../../shared/mount';
import { DecompositionTab } from './decomposition-tab';
import { EstimateTab } from './estimate-tab';
import { SpecTab } from './spec-tab';
import { usePlanning } from './use-planning';

/** The "Planning" issue panel on epics and features: technical spec, estimate and decomposition. */
function PlanningPanel(): ReactElement {
  const { view, loadError, reload, apply } = usePlanning();
  if (!view && loadError) return <ErrorMessage error={loadError} onRetry={() => void reload()} />;
  if (!view) return <Loading label="Loading the planning record" />;
  const { item } = view;
  return (
    <Box padding="space.100" testId="planning-panel">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center">
          <Heading size="small" as="h2">
            {item.issueType.name} {item.key}
          </Heading>
          <StatusLozenge name={item.status.name} category={item.status.category} />
          {item.flagged ? <Lozenge appearance="removed">Flagged</Lozenge> : null}
        </Inline>
        <Inline space="space.200" shouldWrap>
          <Text color="color.text.subtle">
            Release:{' '}
            <Text testId="fix-versions">
              {item.fixVersions.length > 0
                ? item.fixVersions.map((v) => (v.releaseDate ? `${v.name} (releases ${v.releaseDate})` : v.name)).join(', ')
                : 'not planned into a release yet'}
            </Text>
          </Text>
          <Text color="color.text.subtle">Team: {item.team ?? 'none'}</Text>
          {item.parentKey ? (
            <Text color="color.text.subtle">
              Parent: <IssueLink issueKey={item.parentKey} />
            </Text>
          ) : null}
          <Inline space="space.050" alignBlock="center">
            <Text color="color.text.subtle">Assignee:</Text>
            <Person person={item.assignee} />
          </Inline>
        </Inline>
        {view.recordProblem ? (
          <SectionMessage appearance="error" title="The planning record cannot be read" testId="record-problem">
            {view.recordProblem}. It is left untouched; editing is off until it is repaired.
          </SectionMessage>
        ) : null}
        {view.integrity.changedOutsideApp ? (
          <SectionMessage appearance="warning" title="Changed outside the app" testId="changed-outside-app">
            {view.integrity.message}
          </SectionMessage>
        ) : null}
        {!view.canEdit && !view.recordProblem ? (
          <SectionMessage appearance="information" testId="read-only">
            You can read this planning record. Editing needs permission to edit the issue.
          </SectionMessage>
        ) : null}
        <Tabs id="planning-tabs" testId="planning-tabs">
          <TabList>
            <Tab>Spec</Tab>
            <Tab>Estimate</Tab>
            <Tab>Decomposition</Tab>
          </TabList>
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <SpecTab view={view} apply={apply} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <EstimateTab view={view} apply={apply} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <DecompositionTab view={view} />
            </Box>
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}

mount(<PlanningPanel />);
