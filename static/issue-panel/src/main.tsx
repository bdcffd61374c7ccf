import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement, ReactNode } from 'react';
import { invoke } from '../../shared/api';
import { ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { IssueLink } from '../../shared/issue-link';
import { mount } from '../../shared/mount';
import { useResolver } from '../../shared/use-resolver';

function Row({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <Inline space="space.200" alignBlock="center">
      <Box style={{ width: 120 }}>
        <Text color="color.text.subtle">{label}</Text>
      </Box>
      <Box>{children}</Box>
    </Inline>
  );
}

/** The "Planning" issue panel on epics and features: where the item stands for release planning. */
function PlanningPanel(): ReactElement {
  const overview = useResolver(() => invoke('issue.getOverview'));
  if (overview.state === 'loading') return <Loading label="Loading planning details" />;
  if (overview.state === 'failed') return <ErrorMessage error={overview.error} onRetry={overview.reload} />;
  const { item, project } = overview.data;
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
        <Stack space="space.075">
          <Row label="Project">
            <Text>{project.name}</Text>
          </Row>
          <Row label="Parent">{item.parentKey ? <IssueLink issueKey={item.parentKey} /> : <Text color="color.text.subtlest">None</Text>}</Row>
          <Row label="Release">
            <Text testId="fix-versions">
              {item.fixVersions.length > 0
                ? item.fixVersions.map((v) => (v.releaseDate ? `${v.name} (releases ${v.releaseDate})` : v.name)).join(', ')
                : 'Not planned into a release yet'}
            </Text>
          </Row>
          <Row label="Team">
            <Text>{item.team ?? 'No team'}</Text>
          </Row>
          <Row label="Assignee">
            <Person person={item.assignee} />
          </Row>
        </Stack>
      </Stack>
    </Box>
  );
}

mount(<PlanningPanel />);
