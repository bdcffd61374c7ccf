import './early';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Stack } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';
import { view } from '@forge/bridge';
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactElement } from 'react';
import { Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { ReadinessView } from './readiness/readiness-view';

/** Every view but Readiness (the one the page opens on) is its own chunk, loaded when its tab is opened. */
const RisksView = lazy(() => import('./risks/risks-view').then((m) => ({ default: m.RisksView })));
const ReviewsView = lazy(() => import('./reviews/reviews-view').then((m) => ({ default: m.ReviewsView })));
const DependenciesView = lazy(() => import('./dependencies/dependencies-view').then((m) => ({ default: m.DependenciesView })));
const EscalationsView = lazy(() => import('./escalations/escalations-view').then((m) => ({ default: m.EscalationsView })));
const TrainView = lazy(() => import('./train/train-view').then((m) => ({ default: m.TrainView })));

/**
 * The project page ("Planning readiness"): one tab per view of the program. Each feature owns one view
 * component in its own folder (static/project-page/src/<feature>/) and adds one entry to VIEWS. The global
 * page (the release train) serves the same app with no project: `projectKey` is then ''.
 */
export interface PageViewProps {
  projectKey: string;
}

const VIEWS: Array<{ id: string; label: string; View: ComponentType<PageViewProps> }> = [
  { id: 'readiness', label: 'Readiness', View: ReadinessView },
  { id: 'dependencies', label: 'Dependencies', View: DependenciesView },
  { id: 'risks', label: 'Risks', View: RisksView },
  { id: 'escalations', label: 'Escalations', View: EscalationsView },
  { id: 'reviews', label: 'Reviews', View: ReviewsView },
];

/** The global page (the release train) has no project: the views that work across projects. */
const TRAIN_VIEWS: typeof VIEWS = [{ id: 'readiness', label: 'Readiness', View: TrainView }];

function ProjectPage(): ReactElement {
  const [projectKey, setProjectKey] = useState<string | null>(null);
  useEffect(() => {
    void view.getContext().then((c) => setProjectKey((c.extension as { project?: { key?: string } }).project?.key ?? ''));
  }, []);
  if (projectKey === null) return <Loading label="Loading" />;
  const views = projectKey ? VIEWS : TRAIN_VIEWS;
  return (
    <Box padding="space.300" testId="planning-readiness-page">
      <Stack space="space.200">
        <Heading size="large" as="h1">
          {projectKey ? 'Planning readiness' : 'Planning readiness: release train'}
        </Heading>
        <Tabs id="project-page-views" testId="project-page-views">
          <TabList>
            {views.map((v) => (
              <Tab key={v.id} testId={`view-${v.id}`}>
                {v.label}
              </Tab>
            ))}
          </TabList>
          {views.map((v) => (
            <TabPanel key={v.id}>
              <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
                <Suspense fallback={<Loading label={`Loading ${v.label}`} />}>
                  <v.View projectKey={projectKey} />
                </Suspense>
              </Box>
            </TabPanel>
          ))}
        </Tabs>
      </Stack>
    </Box>
  );
}

mount(<ProjectPage />);
