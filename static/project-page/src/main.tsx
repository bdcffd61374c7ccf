import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { WorkItemDto } from '../../../src/shared/contract/common';
import type { PlanningItemsPageDto } from '../../../src/shared/contract/project-page';
import { ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { IssueLink } from '../../shared/issue-link';
import { mount } from '../../shared/mount';
import { useResolver } from '../../shared/use-resolver';
import { invoke } from './api';
import { RisksView } from './risks/risks-view';
import { EscalationsView } from './escalations/escalations-view';

const PAGE_SIZE = 50;

const head = {
  cells: [
    { key: 'key', content: 'Key', width: 8 },
    { key: 'summary', content: 'Summary', width: 30 },
    { key: 'type', content: 'Type', width: 8 },
    { key: 'status', content: 'Status', width: 10 },
    { key: 'team', content: 'Team', width: 9 },
    { key: 'release', content: 'Release', width: 8 },
    { key: 'assignee', content: 'Assignee', width: 17 },
    { key: 'parent', content: 'Parent', width: 8 },
  ],
};

function rowOf(item: WorkItemDto) {
  return {
    key: item.key,
    testId: `row-${item.key}`,
    cells: [
      { key: 'key', content: <IssueLink issueKey={item.key} /> },
      {
        key: 'summary',
        content: (
          <Inline space="space.075" alignBlock="center">
            <Text>{item.summary}</Text>
            {item.flagged ? <Lozenge appearance="removed">Flagged</Lozenge> : null}
          </Inline>
        ),
      },
      { key: 'type', content: item.issueType.name },
      { key: 'status', content: <StatusLozenge name={item.status.name} category={item.status.category} /> },
      { key: 'team', content: item.team ?? '' },
      { key: 'release', content: item.fixVersions.map((v) => v.name).join(', ') },
      { key: 'assignee', content: <Person person={item.assignee} /> },
      { key: 'parent', content: item.parentKey ? <IssueLink issueKey={item.parentKey} /> : '' },
    ],
  };
}

/** The project page: the program's epics and features, the starting point for the planning agenda. */
function PlanningReadinessPage(): ReactElement {
  const [pageToken, setPageToken] = useState<string | null>(null);
  // The pages before the one `page` holds; "Load more" moves the current page here and asks for the next.
  const [earlier, setEarlier] = useState<PlanningItemsPageDto | null>(null);
  const page = useResolver(() => invoke('project.listPlanningItems', { pageToken, pageSize: PAGE_SIZE }), [pageToken]);
  const current = page.state === 'ready' ? page.data : null;
  const project = current?.project ?? earlier?.project ?? null;
  const items = [...(earlier?.items ?? []), ...(current?.items ?? [])];
  const nextPageToken = current?.nextPageToken ?? null;
  const loading = page.state === 'loading';
  const more = nextPageToken !== null || (loading && earlier !== null);

  if (!project && page.state === 'loading') return <Loading label="Loading planning items" />;
  if (!project && page.state === 'failed') return <ErrorMessage error={page.error} onRetry={() => void page.reload()} />;

  const loadMore = (): void => {
    if (!current?.nextPageToken) return;
    setEarlier({ ...current, items });
    setPageToken(current.nextPageToken);
  };

  return (
    <Box padding="space.300" testId="planning-readiness-page">
      <Stack space="space.200">
        <Heading size="large" as="h1">
          Planning readiness{project ? `: ${project.name}` : ''}
        </Heading>
        <Text color="color.text.subtle">
          Epics and features of this project, {items.length} shown{nextPageToken ? ' so far' : ''}.
        </Text>
        {items.length === 0 && !loading ? (
          <EmptyState header="No epics or features yet" description="Create an epic or a feature in this project and it will show up here." />
        ) : (
          <DynamicTable head={head} rows={items.map(rowOf)} isLoading={loading && items.length === 0} testId="planning-items" />
        )}
        {page.state === 'failed' ? <ErrorMessage error={page.error} onRetry={() => void page.reload()} /> : null}
        {more ? (
          <Box>
            <Button onClick={loadMore} isDisabled={loading} testId="load-more">
              {loading ? 'Loading…' : 'Load more'}
            </Button>
          </Box>
        ) : null}
        {project ? <RisksView projectKey={project.key} /> : null}
        {/* Escalations (issue 12): its own view; the portfolio page's tab list takes it as a tab. */}
        {project ? <EscalationsView projectKey={project.key} /> : null}
      </Stack>
    </Box>
  );
}

mount(<PlanningReadinessPage />);
