import { Box, Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useEffect, type ReactElement } from 'react';
import { ChangedOutsideAppWarning, ErrorMessage, Loading } from '../../shared/components';
import { addGlobalStyle } from '../../shared/global-style';
import { mount } from '../../shared/mount';
import { ItemHeader } from './item-header';
import { DecompositionTab, DependenciesTab, EstimateTab, prefetchTabs, ReadinessTab, RisksTab } from './lazy-tabs';
import { SpecTab } from './spec-tab';
import { usePlanning } from './use-planning';

/*
 * The panel is narrower than the page (about 400 px in a 900 px window) and the six tab labels do not fit
 * on one row: Atlaskit's tabs would shrink and clip them ("Decompositio"). They keep their full labels and
 * wrap onto a second row instead.
 */
addGlobalStyle(`
[data-testid="planning-tabs"] [role="tablist"] { flex-wrap: wrap; }
[data-testid="planning-tabs"] [role="tab"] { flex-shrink: 0; }
`);

/** The "Planning" issue panel on epics and features: technical spec, estimate and decomposition. */
function PlanningPanel(): ReactElement {
  const { view: loaded, apply } = usePlanning();
  const shown = loaded.state === 'ready';
  useEffect(() => {
    if (shown) prefetchTabs();
  }, [shown]);
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading the planning record" />;
  const view = loaded.data;
  return (
    <Box padding="space.100" testId="planning-panel">
      <Stack space="space.150">
        <ItemHeader item={view.item} childTeams={view.decomposition.childTeams} />
        {view.recordProblem ? (
          <SectionMessage appearance="error" title="The planning record cannot be read" testId="record-problem">
            {view.recordProblem}. It is left untouched; editing is off until it is repaired.
          </SectionMessage>
        ) : null}
        <ChangedOutsideAppWarning integrity={view.integrity} testId="changed-outside-app" />
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
            <Tab testId="dependencies-tab-button">Dependencies</Tab>
            <Tab testId="readiness-tab-button">Readiness</Tab>
            <Tab testId="risks-tab-button">Risks</Tab>
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
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <DependenciesTab />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <ReadinessTab issueKey={view.item.key} rev={view.record.rev} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              <RisksTab />
            </Box>
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}

mount(<PlanningPanel />);
