import { applyOperation } from '../../../src/domain/planning-record/operations';
import { emptyPlanningRecord, HISTORY_LIMIT, SPEC_SECTION_KEYS } from '../../../src/domain/planning-record/model';
import { oversizeMessage } from '../../../src/domain/planning-record/size';
import { apply, architect, ctx, lead, specInReview } from '../../support/planning-records';

describe('spec sections', () => {
  it('records the text, the author, the last editor and a history entry', () => {
    const r = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'Card schemes require ISO 20022.' });
    expect(r.rev).toBe(1);
    expect(r.spec.sections.context).toBe('Card schemes require ISO 20022.');
    expect(r.spec.author).toEqual(lead);
    expect(r.spec.lastEditor).toEqual(lead);
    expect(r.history[0]).toMatchObject({ rev: 1, by: lead, what: 'Edited "Context and problem"' });
  });

  it('keeps both edits when two people change different sections from the same revision', () => {
    const base = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'v1' });
    const first = apply(base, { type: 'spec.editSection', section: 'approach', text: 'mine' }, { baseRev: base.rev });
    const second = applyOperation(first, { type: 'spec.editSection', section: 'nfrs', text: 'theirs' }, ctx({ baseRev: base.rev, actor: architect }));
    expect(second.ok && second.record.spec.sections).toEqual({ context: 'v1', approach: 'mine', nfrs: 'theirs' });
  });

  it('refuses an edit of a section someone changed since, and carries their text', () => {
    const base = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'v1' });
    const theirs = apply(base, { type: 'spec.editSection', section: 'context', text: 'their v2' }, { actor: architect });
    const mine = applyOperation(theirs, { type: 'spec.editSection', section: 'context', text: 'my v2' }, ctx({ baseRev: base.rev }));
    expect(mine).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Someone else changed "Context and problem"'), conflict: { part: 'spec.section.context', current: 'their v2', rev: 2 } } });
  });

  it('treats saving the same text again as no change', () => {
    const base = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'same' });
    const again = applyOperation(base, { type: 'spec.editSection', section: 'context', text: 'same' }, ctx({ baseRev: base.rev }));
    expect(again).toEqual({ ok: true, record: base, changed: false });
  });

  it('rejects control characters and over-long text with messages naming the section', () => {
    const r = emptyPlanningRecord();
    expect(applyOperation(r, { type: 'spec.editSection', section: 'nfrs', text: 'bell\u0007' }, ctx())).toMatchObject({ ok: false, error: { message: expect.stringContaining('control characters') } });
    expect(applyOperation(r, { type: 'spec.editSection', section: 'context', text: 'x'.repeat(3001) }, ctx())).toMatchObject({ ok: false, error: { message: expect.stringContaining('the limit is 3,000. Shorten it by 1') } });
  });

  it('stores text with angle brackets as typed: it is data, not HTML', () => {
    for (const text of ['p95 latency < 200 ms; a<b and c>d', 'List<Payment>, Map<String, Order>', 'POST /v1/<tenant>/payments', '<https://wiki.example.com/x>', '<img src=x onerror=alert(1)>']) {
      expect(apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'nfrs', text }).spec.sections.nfrs).toBe(text);
    }
  });

  it('counts a section holding only whitespace as empty', () => {
    const base = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'Why' });
    const blanked = apply(base, { type: 'spec.editSection', section: 'context', text: '  \n\t ' });
    expect(blanked.spec.sections.context).toBeUndefined();
    expect(applyOperation(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: '   ' }, ctx())).toMatchObject({ ok: true, changed: false });
  });

  it('refuses a base revision the record never had', () => {
    expect(applyOperation(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'x' }, ctx({ baseRev: 5 }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('spec review and approval', () => {
  it('needs context and approach before review', () => {
    expect(applyOperation(emptyPlanningRecord(), { type: 'spec.submitForReview' }, ctx())).toMatchObject({ ok: false, error: { message: 'Fill in "Context and problem" and "Solution approach (architecture)" before asking for review.' } });
  });

  it('lets only architects approve, and records approver and time', () => {
    const review = specInReview();
    expect(applyOperation(review, { type: 'spec.approve' }, ctx({ baseRev: review.rev }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = apply(review, { type: 'spec.approve' }, { actor: architect, canApprove: true, now: '2026-11-24T11:00:00.000Z' });
    expect(approved.spec.status).toBe('APPROVED');
    expect(approved.spec.approval).toEqual({ by: architect, at: '2026-11-24T11:00:00.000Z' });
  });

  it('refuses approval of a spec that changed after the architect read it', () => {
    const review = specInReview();
    const edited = apply(review, { type: 'spec.editSection', section: 'nfrs', text: 'added later' });
    expect(applyOperation(edited, { type: 'spec.approve' }, ctx({ actor: architect, canApprove: true, baseRev: review.rev }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { part: 'spec.section.nfrs' } } });
  });

  it('moves an approved spec back to In review when it is edited, and says so in the history', () => {
    const approved = apply(specInReview(), { type: 'spec.approve' }, { actor: architect, canApprove: true });
    const edited = apply(approved, { type: 'spec.editSection', section: 'approach', text: 'How, revised' });
    expect(edited.spec.status).toBe('IN_REVIEW');
    expect(edited.spec.approval).toBeNull();
    expect(edited.history[0]!.what).toBe('Edited "Solution approach (architecture)"; the approved spec went back to In review');
  });
});

describe('design links', () => {
  it('adds http(s) links with titles and removes them', () => {
    const r = apply(emptyPlanningRecord(), { type: 'spec.addLink', url: 'https://wiki.example.com/adr/42', title: 'ADR 42' });
    expect(r.spec.links).toEqual([{ id: expect.any(String), url: 'https://wiki.example.com/adr/42', title: 'ADR 42' }]);
    const removed = apply(r, { type: 'spec.removeLink', linkId: r.spec.links[0]!.id });
    expect(removed.spec.links).toEqual([]);
  });

  it('rejects javascript: and malformed URLs, empty titles and duplicates', () => {
    const r = apply(emptyPlanningRecord(), { type: 'spec.addLink', url: 'https://a.example/x', title: 'A' });
    expect(applyOperation(r, { type: 'spec.addLink', url: 'javascript:alert(1)', title: 'x' }, ctx({ baseRev: 1 }))).toMatchObject({ ok: false, error: { message: 'Link URL: only http and https addresses are allowed.' } });
    expect(applyOperation(r, { type: 'spec.addLink', url: 'not a url', title: 'x' }, ctx({ baseRev: 1 }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not a web address') } });
    expect(applyOperation(r, { type: 'spec.addLink', url: 'https://b.example', title: '  ' }, ctx({ baseRev: 1 }))).toMatchObject({ ok: false, error: { message: 'Link title: say what the document is.' } });
    expect(applyOperation(r, { type: 'spec.addLink', url: 'https://a.example/x', title: 'again' }, ctx({ baseRev: 1 }))).toMatchObject({ ok: false, error: { message: 'That design document is already linked.' } });
  });
});

describe('estimate', () => {
  it('sets a T-shirt or points estimate with confidence and assumptions', () => {
    const r = apply(emptyPlanningRecord(), { type: 'estimate.set', value: { kind: 'points', low: 20, high: 35 }, confidence: 3, assumptions: 'Scheme sandbox available' });
    expect(r.estimate).toEqual({ value: { kind: 'points', low: 20, high: 35 }, confidence: 3, assumptions: 'Scheme sandbox available', by: lead, at: '2026-11-24T10:00:00.000Z' });
    expect(r.history[0]!.what).toBe('Estimated 20-35 points (confidence 3/5)');
  });

  it('rejects a reversed range, negative points and confidence outside 1-5', () => {
    const r = emptyPlanningRecord();
    expect(applyOperation(r, { type: 'estimate.set', value: { kind: 'points', low: 30, high: 10 }, confidence: 3, assumptions: '' }, ctx())).toMatchObject({ ok: false, error: { message: 'Points: the low end (30) is above the high end (10).' } });
    expect(applyOperation(r, { type: 'estimate.set', value: { kind: 'points', low: -1, high: 10 }, confidence: 3, assumptions: '' }, ctx())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(applyOperation(r, { type: 'estimate.set', value: { kind: 'tshirt', size: 'M' }, confidence: 6, assumptions: '' }, ctx())).toMatchObject({ ok: false, error: { message: 'Confidence: choose 1 to 5 (fist of five).' } });
  });

  it('conflicts when the estimate changed since the editor looked', () => {
    const base = emptyPlanningRecord();
    const theirs = apply(base, { type: 'estimate.set', value: { kind: 'tshirt', size: 'L' }, confidence: 4, assumptions: '' }, { actor: architect });
    expect(applyOperation(theirs, { type: 'estimate.set', value: { kind: 'tshirt', size: 'S' }, confidence: 2, assumptions: '' }, ctx({ baseRev: 0 }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { part: 'estimate', current: { value: { kind: 'tshirt', size: 'L' } } } } });
  });
});

describe('history', () => {
  it(`keeps the last ${HISTORY_LIMIT} changes, newest first`, () => {
    let r = emptyPlanningRecord();
    for (let i = 0; i < 25; i++) r = apply(r, { type: 'spec.editSection', section: 'openQuestions', text: `question ${i}` });
    expect(r.history).toHaveLength(HISTORY_LIMIT);
    expect(r.history[0]!.rev).toBe(25);
    expect(r.history[HISTORY_LIMIT - 1]!.rev).toBe(6);
  });
});

describe('size', () => {
  it('names the largest parts to shorten when the record exceeds 32,768 bytes', () => {
    const r = emptyPlanningRecord();
    for (const s of SPEC_SECTION_KEYS) r.spec.sections[s] = 'é'.repeat(2900); // 2 bytes each: 7 x 5,800 bytes
    r.spec.sections.approach = 'ü'.repeat(3000);
    const message = oversizeMessage(r);
    expect(message).toMatch(/^The planning record would be [\d,]+ bytes, and Jira stores at most 32,768 bytes per issue\. Shorten "Solution approach \(architecture\)" \(6,002 bytes\)/);
    expect(oversizeMessage(emptyPlanningRecord())).toBeNull();
  });
});

describe('estimates', () => {
  it('refuses a 0-0 points estimate, which no divergence can be measured against', () => {
    expect(applyOperation(emptyPlanningRecord(), { type: 'estimate.set', value: { kind: 'points', low: 0, high: 0 }, confidence: 3, assumptions: '' }, ctx())).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Points: the high end must be above 0.' },
    });
    expect(apply(emptyPlanningRecord(), { type: 'estimate.set', value: { kind: 'points', low: 0, high: 3 }, confidence: 3, assumptions: '' }).estimate?.value).toEqual({ kind: 'points', low: 0, high: 3 });
  });
});
