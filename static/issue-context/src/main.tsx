import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import { invoke } from '../../shared/api';
import { ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { mount } from '../../shared/mount';
import { useResolver } from '../../shared/use-resolver';

/** The "Readiness" side panel: the issue at a glance, compact enough for Jira's right-hand column. */
function ReadinessContext(): ReactElement {
  const overview = useResolver(() => invoke('issue.getOverview'));
  if (overview.state === 'loading') return <Loading label="Loading readiness" />;
  if (overview.state === 'failed') return <ErrorMessage error={overview.error} onRetry={overview.reload} />;
  const { item } = overview.data;
  return (
    <Box padding="space.150" testId="readiness-context">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" spread="space-between">
          <Text weight="bold" testId="issue-key">
            {item.key}
          </Text>
          <StatusLozenge name={item.status.name} category={item.status.category} />
        </Inline>
        <Heading size="xsmall" as="h2" testId="issue-summary">
          {item.summary}
        </Heading>
        <Inline space="space.100">
          <Text color="color.text.subtle">Type</Text>
          <Text testId="issue-type">{item.issueType.name}</Text>
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.subtle">Assignee</Text>
          <Box testId="issue-assignee">
            <Person person={item.assignee} />
          </Box>
        </Inline>
      </Stack>
    </Box>
  );
}

mount(<ReadinessContext />);
