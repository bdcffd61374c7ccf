import { checkPlainText } from './text-rules';
import { LIMITS, sectionTitle, type PersonRef, type ReviewState, type SpecSectionKey } from './model';

/**
 * Review comments, threaded per spec section. Comments are the conversation between reviewers and the
 * author: they never change the spec or its status, and two people commenting at once never conflict
 * (threads and replies are appended, each with its own id), so they carry no revision check.
 */
export type ReviewCommentOperation =
  | { type: 'review.comment'; section: SpecSectionKey; text: string }
  | { type: 'review.reply'; threadId: string; text: string };

export interface CommentContext {
  actor: PersonRef;
  now: string;
  newId: () => string;
}

export type CommentResult = { ok: true; review: ReviewState; what: string } | { ok: false; message: string };

/** The text of a comment or of a request for changes: plain text (Markdown), not empty, within the limit. */
export function checkCommentText(label: string, text: string, whenEmpty: string): { ok: true; text: string } | { ok: false; message: string } {
  const checked = checkPlainText(label, text, LIMITS.commentChars);
  if (!checked.ok) return checked;
  const trimmed = checked.text.trim();
  if (trimmed === '') return { ok: false, message: `${label}: ${whenEmpty}` };
  return { ok: true, text: trimmed };
}

/**
 * Adds a comment: a new thread on a section, or a reply in a thread.
 *
 * @example
 * applyComment(review, { type: 'review.comment', section: 'nfrs', text: 'Which p99?' }, ctx)
 * // => { ok: true, review: { ...review, threads: [..., { id, section: 'nfrs', comments: [{ text: 'Which p99?', ... }] }] }, what: 'Commented on "Non-functional requirements"' }
 */
export function applyComment(review: ReviewState, op: ReviewCommentOperation, ctx: CommentContext): CommentResult {
  const text = checkCommentText('Comment', op.text, 'write your comment first.');
  if (!text.ok) return text;
  const comment = { id: ctx.newId(), by: ctx.actor, at: ctx.now, text: text.text };
  if (op.type === 'review.comment') {
    if (review.threads.length >= LIMITS.threads) return { ok: false, message: `A spec holds at most ${LIMITS.threads} comment threads; reply in an existing one.` };
    const thread = { id: ctx.newId(), section: op.section, comments: [comment] };
    return { ok: true, review: { ...review, threads: [...review.threads, thread] }, what: `Commented on "${sectionTitle(op.section)}"` };
  }
  const thread = review.threads.find((t) => t.id === op.threadId);
  if (!thread) return { ok: false, message: 'That comment thread no longer exists; reload the panel.' };
  if (thread.comments.length >= LIMITS.commentsPerThread) return { ok: false, message: `A thread holds at most ${LIMITS.commentsPerThread} comments; start a new one on the section.` };
  const threads = review.threads.map((t) => (t.id === thread.id ? { ...t, comments: [...t.comments, comment] } : t));
  return { ok: true, review: { ...review, threads }, what: `Replied on "${sectionTitle(thread.section)}"` };
}
