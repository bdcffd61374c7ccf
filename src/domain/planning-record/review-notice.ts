import type { PersonRef, PlanningRecord } from './model';

/** The Atlassian Document Format nodes a review notice uses (a Jira comment body in REST v3). */
export type AdfInline = { type: 'text'; text: string } | { type: 'mention'; attrs: { id: string; text: string } };
export type AdfBlock = { type: 'paragraph'; content: AdfInline[] } | { type: 'blockquote'; content: Array<{ type: 'paragraph'; content: AdfInline[] }> };
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

export type ReviewEvent = 'submitted' | 'approved' | 'changesRequested';

/**
 * Which review step a saved change was, from the spec status before and after it: a submission (first or
 * after requested changes), an approval, or a request for changes. An approved spec edited back into
 * review is none of them: the editor was warned, and the architects see it in "Waiting for my review".
 */
export function reviewEventOf(before: PlanningRecord, after: PlanningRecord): ReviewEvent | null {
  const from = before.spec.status;
  const to = after.spec.status;
  if (from === to) return null;
  if (to === 'IN_REVIEW' && (from === 'DRAFT' || from === 'CHANGES_REQUESTED')) return 'submitted';
  if (to === 'APPROVED') return 'approved';
  if (to === 'CHANGES_REQUESTED') return 'changesRequested';
  return null;
}

const mention = (p: PersonRef): AdfInline => ({ type: 'mention', attrs: { id: p.accountId, text: `@${p.displayName}` } });

/** Mentions, separated by commas, then the sentence. */
function sentence(recipients: PersonRef[], text: string): AdfBlock {
  const content: AdfInline[] = recipients.flatMap((p, i) => [...(i > 0 ? [{ type: 'text' as const, text: ', ' }] : []), mention(p)]);
  return { type: 'paragraph', content: [...content, { type: 'text', text: `${recipients.length > 0 ? ' ' : ''}${text}` }] };
}

/**
 * The Jira comment that tells people about a review step: a submission mentions the project's architects
 * (or, with none named, says its administrators approve), an approval or a request for changes mentions the
 * spec's author. The actor is never mentioned (no one needs telling what they just did).
 *
 * @example
 * reviewNotice('changesRequested', record, { actor: arjun, architects: [arjun] })
 * // => { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'lena', text: '@Lena Lead' } }, { type: 'text', text: ' Arjun Architect requested changes to the technical spec:' }] }, { type: 'blockquote', ... }] }
 */
export function reviewNotice(event: ReviewEvent, record: PlanningRecord, people: { actor: PersonRef; architects: PersonRef[] }): AdfDoc {
  const others = (list: PersonRef[]): PersonRef[] => list.filter((p) => p.accountId !== people.actor.accountId);
  const author = record.spec.author ? others([record.spec.author]) : [];
  const who = people.actor.displayName;
  switch (event) {
    case 'submitted': {
      const architects = others(people.architects);
      const reviewers = people.architects.length === 0 ? " The project's administrators approve specs (no architect is named in the project settings)." : '';
      return doc([sentence(architects, `${who} submitted the technical spec for review in the Planning panel.${reviewers}`)]);
    }
    case 'approved':
      return doc([sentence(author, `${who} approved the technical spec.`)]);
    case 'changesRequested': {
      const comment = record.review.changesRequest?.comment ?? '';
      return doc([
        sentence(author, `${who} requested changes to the technical spec; edit it in the Planning panel and submit it again:`),
        { type: 'blockquote', content: comment.split(/\n{2,}/).map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
      ]);
    }
  }
}

const doc = (content: AdfBlock[]): AdfDoc => ({ type: 'doc', version: 1, content });
