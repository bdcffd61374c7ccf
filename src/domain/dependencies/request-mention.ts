import type { PersonRef } from '../planning-record/model';

/**
 * The comment that tells the providing issue's assignee about a request: an Atlassian Document with a
 * mention, so Jira notifies them.
 *
 * @example
 * requestMentionDoc({ accountId: 'a1', displayName: 'Ada' }, lena, 'PAY-3', 'Checkout').content[0].content[0]
 * // => { type: 'mention', attrs: { id: 'a1', text: '@Ada' } }
 */
export function requestMentionDoc(assignee: PersonRef, requester: PersonRef, dependentKey: string, dependentSummary: string) {
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'mention', attrs: { id: assignee.accountId, text: `@${assignee.displayName}` } },
          { type: 'text', text: ` ${requester.displayName} requested a dependency on this issue for ${dependentKey} (${dependentSummary}). Commit to it or decline it in the Planning panel's Dependencies tab.` },
        ],
      },
    ],
  };
}
