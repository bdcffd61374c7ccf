import { route } from '@forge/api';
import type { ReviewNotifier } from '../../application/planning/ports';
import type { AdfDoc } from '../../domain/planning-record/review-notice';
import type { JiraClient } from './jira-client';

/**
 * Review notices as Jira comments, added as the acting user so the comment says who did it; Jira notifies
 * the people mentioned. @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 */
export class JiraReviewNotifier implements ReviewNotifier {
  constructor(private readonly jira: JiraClient) {}

  async comment(issueIdOrKey: string, body: AdfDoc): Promise<void> {
    await this.jira.json<unknown>(route`/rest/api/3/issue/${issueIdOrKey}/comment`, { method: 'POST', body: { body } });
  }
}
