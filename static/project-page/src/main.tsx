import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { WorkItemDto } from '../../../src/shared/contract/common';
import { bridgeFailure, type AppError } from '../../shared/api';
import { invoke } from './api';
import { ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { IssueLink } from '../../shared/issue-link';
import { mount } from '../../shared/mount';

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
  const [items, setItems] = useState<WorkItemDto[]>([]);
  const [project, setProject] = useState<{ key: string; name: string } | null>(null);
  const [nextPageToken, setNextPageToken] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async (pageToken: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const result = await invoke('project.listPlanningItems', { pageToken, pageSize: PAGE_SIZE });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setProject(result.data.project);
      setItems((prev) => (pageToken ? [...prev, ...result.data.items] : result.data.items));
      setNextPageToken(result.data.nextPageToken);
    } catch (e) {
      setError(bridgeFailure(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  if (!project && loading) return <Loading label="Loading planning items" />;
  if (!project && error) return <ErrorMessage error={error} onRetry={() => void load(null)} />;

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
        {error ? <ErrorMessage error={error} onRetry={() => void load(nextPageToken)} /> : null}
        {nextPageToken ? (
          <Box>
            <Button onClick={() => void load(nextPageToken)} isDisabled={loading} testId="load-more">
              {loading ? 'Loading…' : 'Load more'}
            </Button>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

mount(<PlanningReadinessPage />);
