import { readStoredRecord, toStoredRecord } from '../../../src/adapters/jira/planning-record/stored-format';
import { LIMITS } from '../../../src/domain/planning-record/model';
import { applyOperation } from '../../../src/domain/planning-record/operations';
import { reviewEventOf, reviewNotice } from '../../../src/domain/planning-record/review-notice';
import { apply, approvedSpec, architect, ctx, lead, specInReview } from '../../support/planning-records';

const asArchitect = { actor: architect, canApprove: true };

describe('requesting changes', () => {
  it('sends a spec in review back to its author with the comment; the author edits and resubmits', () => {
    const sent = apply(specInReview(), { type: 'spec.requestChanges', comment: '  Page the list.  ' }, asArchitect);
    expect(sent.spec.status).toBe('CHANGES_REQUESTED');
    expect(sent.review.changesRequest).toEqual({ by: architect, at: '2026-11-24T10:00:00.000Z', comment: 'Page the list.' });
    const edited = apply(sent, { type: 'spec.editSection', section: 'approach', text: 'How, paged' });
    expect(edited.spec.status).toBe('CHANGES_REQUESTED');
    const back = apply(edited, { type: 'spec.submitForReview' });
    expect(back.spec.status).toBe('IN_REVIEW');
    // The last request stays readable beside the resubmitted spec.
    expect(back.review.changesRequest?.comment).toBe('Page the list.');
  });

  it('is refused to non-architects, without a comment, and outside review', () => {
    const inReview = specInReview();
    const op = { type: 'spec.requestChanges', comment: 'x' } as const;
    expect(applyOperation(inReview, op, ctx({ baseRev: inReview.rev }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(applyOperation(inReview, { ...op, comment: ' ' }, ctx({ baseRev: inReview.rev, ...asArchitect }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Requested changes: say what the author should change.' } });
    const approved = approvedSpec();
    expect(applyOperation(approved, op, ctx({ baseRev: approved.rev, ...asArchitect }))).toMatchObject({ ok: false, error: { message: 'Changes can be requested only on a spec in review; this one is approved.' } });
  });

  it('answers the spec the architect read: a section changed since is a conflict', () => {
    const read = specInReview();
    const changed = apply(read, { type: 'spec.editSection', section: 'nfrs', text: 'new NFR' });
    expect(applyOperation(changed, { type: 'spec.requestChanges', comment: 'x' }, ctx({ baseRev: read.rev, ...asArchitect }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { part: 'spec.section.nfrs' } } });
  });

  it('cannot be approved until resubmitted', () => {
    const sent = apply(specInReview(), { type: 'spec.requestChanges', comment: 'x' }, asArchitect);
    expect(applyOperation(sent, { type: 'spec.approve' }, ctx({ baseRev: sent.rev, ...asArchitect }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('comment threads', () => {
  it('opens a thread per section and appends replies; the spec and its status do not change', () => {
    const base = specInReview();
    const opened = apply(base, { type: 'review.comment', section: 'nfrs', text: 'Which p99?' }, { actor: architect, newId: () => 't1' });
    expect(opened.spec).toEqual(base.spec);
    const replied = apply(opened, { type: 'review.reply', threadId: 't1', text: 'p95' }, { newId: () => 'c2' });
    expect(replied.review.threads).toEqual([
      { id: 't1', section: 'nfrs', comments: [{ id: 't1', by: architect, at: expect.any(String), text: 'Which p99?' }, { id: 'c2', by: lead, at: expect.any(String), text: 'p95' }] },
    ]);
  });

  it('keeps threads and replies within their limits', () => {
    let r = specInReview();
    for (let i = 0; i < LIMITS.threads; i++) r = apply(r, { type: 'review.comment', section: 'context', text: `c${i}` });
    expect(applyOperation(r, { type: 'review.comment', section: 'context', text: 'one more' }, ctx({ baseRev: r.rev }))).toMatchObject({ ok: false, error: { message: `A spec holds at most ${LIMITS.threads} comment threads; reply in an existing one.` } });
    const threadId = r.review.threads[0]!.id;
    for (let i = 1; i < LIMITS.commentsPerThread; i++) r = apply(r, { type: 'review.reply', threadId, text: `r${i}` });
    expect(applyOperation(r, { type: 'review.reply', threadId, text: 'one more' }, ctx({ baseRev: r.rev }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('start a new one') } });
  });
});

describe('review notices', () => {
  const architects = [architect];
  it('names the step from the status change, and only the three review steps', () => {
    const inReview = specInReview();
    const sent = apply(inReview, { type: 'spec.requestChanges', comment: 'x' }, asArchitect);
    const approved = approvedSpec();
    const reopened = apply(approved, { type: 'spec.editSection', section: 'nfrs', text: 'changed' });
    expect(reviewEventOf(sent, apply(sent, { type: 'spec.submitForReview' }))).toBe('submitted');
    expect(reviewEventOf(inReview, sent)).toBe('changesRequested');
    expect(reviewEventOf(inReview, approved)).toBe('approved');
    expect(reviewEventOf(approved, reopened)).toBeNull();
    expect(reviewEventOf(inReview, inReview)).toBeNull();
  });

  it('mentions the architects on submit, the author otherwise, never the actor, and quotes the requested changes', () => {
    const sent = apply(specInReview(), { type: 'spec.requestChanges', comment: 'First.\n\nSecond.' }, asArchitect);
    expect(reviewNotice('submitted', sent, { actor: lead, architects: [architect, lead] }).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'mention', attrs: { id: 'arch', text: '@Arjun Architect' } }, { type: 'text', text: ' Lena Lead submitted the technical spec for review in the Planning panel.' }],
    });
    const notice = reviewNotice('changesRequested', sent, { actor: architect, architects });
    expect(notice.content[1]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First.' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] }] });
    expect(JSON.stringify(reviewNotice('approved', sent, { actor: lead, architects }))).not.toContain('mention');
    expect(JSON.stringify(reviewNotice('submitted', sent, { actor: lead, architects: [] }))).toContain("The project's administrators approve specs");
  });
});

describe('the stored format, version 2', () => {
  it('reads version 1 records with an empty review, and round-trips the review', () => {
    const v1 = { ...toStoredRecord(specInReview()), schemaVersion: 1 } as Record<string, unknown>;
    delete v1.review;
    expect(readStoredRecord(v1)).toMatchObject({ ok: true, record: { review: { changesRequest: null, threads: [] }, spec: { status: 'IN_REVIEW' } } });
    const sent = apply(specInReview(), { type: 'spec.requestChanges', comment: 'x' }, asArchitect);
    expect(readStoredRecord(JSON.parse(JSON.stringify(toStoredRecord(sent))))).toEqual({ ok: true, record: sent });
  });

  it('refuses Changes requested in a version 1 record (that version had no such status)', () => {
    const sent = apply(specInReview(), { type: 'spec.requestChanges', comment: 'x' }, asArchitect);
    const v1 = { ...toStoredRecord(sent), schemaVersion: 1 } as Record<string, unknown>;
    delete v1.review;
    expect(readStoredRecord(v1)).toMatchObject({ ok: false, reason: expect.stringContaining('damaged (spec.status') });
  });
});
