import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState, type ReactElement } from 'react';
import type { PlanningViewDto, ReviewCommentDto, SpecSectionKey } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';
import { Markdown } from '../../shared/markdown';
import { CommentBox } from './comment-box';
import type { Apply } from './use-planning';

function Comment({ comment }: { comment: ReviewCommentDto }): ReactElement {
  const format = useDateFormat();
  return (
    <Stack space="space.025" testId="review-comment">
      <Text size="small">
        <Text weight="bold" size="small">
          {comment.by.displayName}
        </Text>{' '}
        <Text color="color.text.subtlest" size="small">
          {format.dateTime(comment.at)}
        </Text>
      </Text>
      <Markdown text={comment.text} />
    </Stack>
  );
}

type Thread = PlanningViewDto['record']['review']['threads'][number];

function ThreadView({ thread, view, apply }: { thread: Thread; view: PlanningViewDto; apply: Apply }): ReactElement {
  const [replying, setReplying] = useState(false);
  return (
    <Box
      testId={`thread-${thread.id}`}
      paddingInlineStart="space.150"
      style={{ borderInlineStart: `2px solid ${token('color.border')}` }}
    >
      <Stack space="space.100">
        {thread.comments.map((c) => (
          <Comment key={c.id} comment={c} />
        ))}
        {!view.canEdit ? null : replying ? (
          <CommentBox
            label="Reply"
            submitLabel="Reply"
            whenEmpty="Write your reply first."
            maxChars={view.limits.commentChars}
            send={(text) => apply({ type: 'review.reply', threadId: thread.id, text })}
            onDone={() => setReplying(false)}
            testId={`reply-${thread.id}`}
          />
        ) : (
          <Inline>
            <Button appearance="subtle" spacing="compact" onClick={() => setReplying(true)} testId={`reply-${thread.id}-open`}>
              Reply
            </Button>
          </Inline>
        )}
      </Stack>
    </Box>
  );
}

/**
 * The review conversation about one spec section: its threads, a reply per thread, and a new thread.
 * Anyone who may edit the issue comments; the spec itself is not changed by a comment.
 */
export function SectionComments({ section, title, view, apply }: { section: SpecSectionKey; title: string; view: PlanningViewDto; apply: Apply }): ReactElement | null {
  const [writing, setWriting] = useState(false);
  const threads = view.record.review.threads.filter((t) => t.section === section);
  if (threads.length === 0 && !view.canEdit) return null;
  return (
    <Stack space="space.100" testId={`comments-${section}`}>
      {threads.map((t) => (
        <ThreadView key={t.id} thread={t} view={view} apply={apply} />
      ))}
      {!view.canEdit ? null : writing ? (
        <CommentBox
          label={`Comment on "${title}"`}
          submitLabel="Comment"
          whenEmpty="Write your comment first."
          maxChars={view.limits.commentChars}
          send={(text) => apply({ type: 'review.comment', section, text })}
          onDone={() => setWriting(false)}
          testId={`comment-${section}`}
        />
      ) : (
        <Inline>
          <Button appearance="subtle" spacing="compact" onClick={() => setWriting(true)} testId={`comment-${section}-open`}>
            {threads.length === 0 ? 'Comment' : 'New comment'}
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
