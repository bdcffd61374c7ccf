import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { WorkItemDto } from '../../../src/shared/contract/common';
import { Person, StatusLozenge } from '../../shared/components';
import { useDateFormat } from '../../shared/date-format-context';
import { IssueLink } from '../../shared/issue-link';

/** Its own team; without one (an epic), the teams of its children (its features), said to be theirs. */
function teamText(item: WorkItemDto, childTeams: string[]): string {
  if (item.team) return item.team;
  if (childTeams.length === 0) return 'none';
  return `${childTeams.join(', ')} (through its ${childTeams.length === 1 ? 'child' : 'children'})`;
}

/** The epic or feature the panel is about: type, key, status, release, team(s), parent and assignee. */
export function ItemHeader({ item, childTeams }: { item: WorkItemDto; childTeams: string[] }): ReactElement {
  const format = useDateFormat();
  return (
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
              ? item.fixVersions.map((v) => (v.releaseDate ? `${v.name} (releases ${format.day(v.releaseDate)})` : v.name)).join(', ')
              : 'not planned into a release yet'}
          </Text>
        </Text>
        <Text color="color.text.subtle">
          {item.team || childTeams.length <= 1 ? 'Team' : 'Teams'}: <Text testId="item-teams">{teamText(item, childTeams)}</Text>
        </Text>
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
    </Stack>
  );
}
