import Avatar from '@atlaskit/avatar';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ReactElement } from 'react';
import type { PersonDto, StatusCategory } from '../../src/shared/contract/common';
import type { IntegrityDto } from '../../src/shared/contract/planning';
import type { AppError } from './api';

const APPEARANCE: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = { new: 'default', indeterminate: 'inprogress', done: 'success' };

export function StatusLozenge({ name, category }: { name: string; category: StatusCategory }): ReactElement {
  return (
    <Lozenge appearance={APPEARANCE[category]} testId="status-lozenge">
      {name}
    </Lozenge>
  );
}

export function Person({ person }: { person: PersonDto | null }): ReactElement {
  if (!person) return <Text color="color.text.subtlest">Unassigned</Text>;
  return (
    <Inline space="space.075" alignBlock="center">
      <Avatar size="xsmall" src={person.avatarUrl ?? undefined} name={person.displayName} />
      <Text>{person.displayName}</Text>
    </Inline>
  );
}

export function Loading({ label }: { label: string }): ReactElement {
  return (
    <Box padding="space.200">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label={label} />
        <Text color="color.text.subtle">{label}</Text>
      </Inline>
    </Box>
  );
}

const TITLES: Record<AppError['code'], string> = {
  INVALID_INPUT: 'That did not work',
  NOT_FOUND: 'Not available',
  FORBIDDEN: 'You do not have permission',
  CONFLICT: 'Someone else changed this',
  UNAVAILABLE: 'Jira is not answering',
  UNCONFIRMED: 'Not confirmed yet',
  INTERNAL: 'Something went wrong',
};

/** `title`: where the caller knows better than the code what failed (e.g. Jira refused the user's JQL). */
export function ErrorMessage({ error, onRetry, title }: { error: AppError; onRetry?: () => void; title?: string }): ReactElement {
  const retryable = error.code === 'UNAVAILABLE' || error.code === 'INTERNAL';
  return (
    <SectionMessage appearance={error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' ? 'warning' : 'error'} title={title ?? TITLES[error.code]} testId="error-message">
      <Stack space="space.100">
        <Text>{error.message}</Text>
        {retryable && onRetry ? (
          <Box>
            <Button onClick={onRetry}>Try again</Button>
          </Box>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}

/** A record written outside the app (over REST): said plainly wherever the record is shown, since what it says may be forged. */
export function ChangedOutsideAppWarning({ integrity, testId }: { integrity: IntegrityDto; testId: string }): ReactElement | null {
  if (!integrity.changedOutsideApp) return null;
  return (
    <SectionMessage appearance="warning" title="Changed outside the app" testId={testId}>
      <Text>{integrity.message ?? 'This planning record was changed outside the app; the next change made here records it properly.'}</Text>
    </SectionMessage>
  );
}
