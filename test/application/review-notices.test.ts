import { updatePlanningRecord, type UpdateDeps } from '../../src/application/planning/update-planning-record';
import { Deadline } from '../../src/application/shared/deadline';
import type { PlanningOperation } from '../../src/domain/planning-record/operations';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/project-settings/project-settings';
import { users } from './fakes';
import { fakeUpdateDeps, type RecordingNotifier } from './review-fakes';

const lead = { accountId: 'lead', displayName: 'Lena Lead' };
const arch = { accountId: 'arch', displayName: 'Arjun Architect' };

function deps() {
  const d = fakeUpdateDeps(lead);
  d.settings.values.set('PAY', { ...DEFAULT_PROJECT_SETTINGS, architects: [arch] });
  return d;
}

const as = (d: UpdateDeps, who: typeof lead, operation: PlanningOperation, baseRev: number) =>
  updatePlanningRecord({ ...d, users: users(who) }, { issueKey: 'PAY-1', accountId: who.accountId, baseRev, operation });

/** A spec in review, written and submitted by the lead. */
async function inReview(d: UpdateDeps): Promise<number> {
  await as(d, lead, { type: 'spec.editSection', section: 'context', text: 'why' }, 0);
  await as(d, lead, { type: 'spec.editSection', section: 'approach', text: 'how' }, 1);
  return (await as(d, lead, { type: 'spec.submitForReview' }, 2)).view.record.rev;
}

const mentioned = (n: RecordingNotifier): string[][] =>
  n.comments.map((c) => c.body.content.flatMap((b) => (b.type === 'paragraph' ? b.content.flatMap((i) => (i.type === 'mention' ? [i.attrs.id] : [])) : [])));

describe('review notices', () => {
  it('comments on submit (the architects), on a request for changes and on approval (the author), and on nothing else', async () => {
    const d = deps();
    const rev = await inReview(d);
    const sent = await as(d, arch, { type: 'spec.requestChanges', comment: 'Page the list.' }, rev);
    const edited = await as(d, lead, { type: 'spec.editSection', section: 'approach', text: 'how, paged' }, sent.view.record.rev);
    const resubmitted = await as(d, lead, { type: 'spec.submitForReview' }, edited.view.record.rev);
    await as(d, arch, { type: 'spec.approve' }, resubmitted.view.record.rev);
    expect(mentioned(d.notifier)).toEqual([['arch'], ['lead'], ['arch'], ['lead']]);
    expect(d.notifier.comments.every((c) => c.issue === '1')).toBe(true);
  });

  it('tells the user when the comment could not be added; the save stands', async () => {
    const d = deps();
    await as(d, lead, { type: 'spec.editSection', section: 'context', text: 'why' }, 0);
    await as(d, lead, { type: 'spec.editSection', section: 'approach', text: 'how' }, 1);
    d.notifier.failWith = new Error('Jira is down');
    const r = await as(d, lead, { type: 'spec.submitForReview' }, 2);
    expect(r.view.record.spec.status).toBe('IN_REVIEW');
    expect(r.warnings).toEqual(['Saved, but the Jira comment that tells people about it could not be added; tell them yourself.']);
  });

  it('adds no comment when the project switched notices off, or when too little time is left to add one', async () => {
    const d = deps();
    await d.reviewSettings.save('PAY', { notifyByComment: false });
    await inReview(d);
    expect(d.notifier.comments).toEqual([]);

    const late = deps();
    await as(late, lead, { type: 'spec.editSection', section: 'context', text: 'why' }, 0);
    await as(late, lead, { type: 'spec.editSection', section: 'approach', text: 'how' }, 1);
    // Time enough to start the save; the save itself takes 4 of the 5 s, leaving too little for the comment.
    let clock = 0;
    const save = late.store.save.bind(late.store);
    late.store.save = async (issue, record) => {
      clock += 4_000;
      await save(issue, record);
    };
    const r = await as({ ...late, deadline: Deadline.after(5_000, () => clock) }, lead, { type: 'spec.submitForReview' }, 2);
    expect(r.view.record.spec.status).toBe('IN_REVIEW');
    expect(r.warnings).toEqual(['Saved, but the Jira comment that tells people about it could not be added; tell them yourself.']);
    expect(late.notifier.comments).toEqual([]);
  });
});
