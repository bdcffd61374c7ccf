import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { ReviewEntryDto } from '../../../../src/shared/contract/reviews';
import { ErrorMessage, Loading } from '../../../shared/components';
import { useDateFormat } from '../../../shared/date-format-context';
import type { DateFormat } from '../../../shared/dates';
import { IssueLink } from '../../../shared/issue-link';
import { SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL } from '../../../shared/planning-format';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';
import { PartialResults } from '../../../shared/partial-results';

const head = (who: string) => ({
  cells: [
    { key: 'key', content: 'Key', width: 10 },
    { key: 'summary', content: 'Summary', width: 40 },
    { key: 'type', content: 'Type', width: 10 },
    { key: 'status', content: 'Spec', width: 14 },
    { key: 'who', content: who, width: 14 },
    { key: 'when', content: 'Last change', width: 12 },
  ],
});

function rows(entries: ReviewEntryDto[], who: (e: ReviewEntryDto) => string, format: DateFormat, prefix: string) {
  return entries.map((e) => ({
    key: e.key,
    testId: `${prefix}-${e.key}`,
    cells: [
      { key: 'key', content: <IssueLink issueKey={e.key} /> },
      { key: 'summary', content: e.summary },
      { key: 'type', content: e.issueTypeName },
      { key: 'status', content: <Lozenge appearance={SPEC_STATUS_APPEARANCE[e.specStatus]}>{SPEC_STATUS_LABEL[e.specStatus]}</Lozenge> },
      { key: 'who', content: who(e) },
      { key: 'when', content: e.changedAt ? format.dateTime(e.changedAt) : '' },
    ],
  }));
}

/**
 * The project page's Reviews view: the specs in review waiting for the user (an architect of the project),
 * and the user's own specs an architect sent back with requested changes, oldest first.
 */
export function ReviewsView({ projectKey }: { projectKey: string }): ReactElement {
  const loaded = useResolver(() => invoke('reviews.list'), [projectKey]);
  const format = useDateFormat();
  if (loaded.state === 'loading') return <Loading label="Loading reviews" />;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  const { isArchitect, architects, waitingForMyReview, myChangesRequested, warnings } = loaded.data;
  const architectNames = architects.map((a) => a.displayName).join(', ');
  return (
    <Stack space="space.300" testId="reviews-view">
      <PartialResults warnings={warnings} title="Part of the project could not be read" testId="reviews-warnings" />
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Waiting for my review
        </Heading>
        {!isArchitect ? (
          <Text color="color.text.subtle" testId="reviews-not-architect">
            You do not approve specs in this project{architectNames ? `; its architects are ${architectNames}` : ''}.
          </Text>
        ) : waitingForMyReview.length === 0 ? (
          <Text color="color.text.subtle" testId="reviews-waiting-empty">
            No spec is waiting for your review.
          </Text>
        ) : (
          <Box testId="reviews-waiting">
            <DynamicTable head={head('Author')} rows={rows(waitingForMyReview, (e) => e.author?.displayName ?? '', format, 'waiting')} />
          </Box>
        )}
      </Stack>
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          My specs with changes requested
        </Heading>
        {myChangesRequested.length === 0 ? (
          <Text color="color.text.subtle" testId="reviews-mine-empty">
            None of your specs is waiting for changes.
          </Text>
        ) : (
          <Box testId="reviews-mine">
            <DynamicTable head={head('Requested by')} rows={rows(myChangesRequested, (e) => e.changesRequest?.by.displayName ?? '', format, 'mine')} />
          </Box>
        )}
      </Stack>
    </Stack>
  );
}
