import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';
import { Markdown } from '../../shared/markdown';
import { CommentBox } from './comment-box';
import type { Apply } from './use-planning';

/**
 * The architect's last request for changes: prominent while the spec waits for its author, and kept in view
 * for the reviewers once the author has resubmitted.
 */
export function ChangesRequestMessage({ view }: { view: PlanningViewDto }): ReactElement | null {
  const format = useDateFormat();
  const { spec, review } = view.record;
  const request = review.changesRequest;
  if (!request || (spec.status !== 'CHANGES_REQUESTED' && spec.status !== 'IN_REVIEW')) return null;
  const waiting = spec.status === 'CHANGES_REQUESTED';
  return (
    <SectionMessage
      appearance={waiting ? 'warning' : 'information'}
      title={waiting ? `Changes requested by ${request.by.displayName}` : `Resubmitted after changes requested by ${request.by.displayName}`}
      testId="changes-request"
    >
      <Text size="small" color="color.text.subtle">
        {format.dateTime(request.at)}
      </Text>
      <Markdown text={request.comment} testId="changes-request-comment" />
      {waiting && view.canEdit ? <Text as="p">Edit the spec, then resubmit it for review.</Text> : null}
    </SectionMessage>
  );
}

/** An architect sends a spec in review back to its author, saying what to change. */
export function RequestChanges({ view, apply, disabled }: { view: PlanningViewDto; apply: Apply; disabled: boolean }): ReactElement | null {
  const [open, setOpen] = useState(false);
  if (!view.canApprove || view.record.spec.status !== 'IN_REVIEW') return null;
  if (!open) {
    return (
      <Inline>
        <Button onClick={() => setOpen(true)} isDisabled={disabled} testId="spec-request-changes">
          Request changes
        </Button>
      </Inline>
    );
  }
  return (
    <CommentBox
      label="What should the author change?"
      submitLabel="Send back to the author"
      whenEmpty="Say what the author should change."
      maxChars={view.limits.commentChars}
      send={(comment) => apply({ type: 'spec.requestChanges', comment })}
      onDone={() => setOpen(false)}
      testId="request-changes"
    />
  );
}
