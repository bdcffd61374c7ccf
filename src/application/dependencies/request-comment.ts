import { requestMentionDoc } from '../../domain/dependencies/request-mention';
import type { UserDirectory, WorkItemReader } from '../shared/ports';
import type { IssueLinkWriter } from './ports';

/**
 * Requesting a dependency on another team's issue tells its assignee, with an ADF mention in a comment on
 * that issue (as the user, so the comment is theirs). A failure is a warning: the request itself is saved.
 */
export async function requestComment(deps: { reader: WorkItemReader; users: UserDirectory; issueLinks: IssueLinkWriter }, providerKey: string, dependentKey: string): Promise<string[]> {
  try {
    const [provider, dependent, actor] = await Promise.all([deps.reader.getWorkItem(providerKey), deps.reader.getWorkItem(dependentKey), deps.users.me()]);
    if (!provider?.assignee || !dependent) return [];
    const otherTeam = provider.team !== null && dependent.team !== null ? provider.team !== dependent.team : provider.project.key !== dependent.project.key;
    if (!otherTeam) return [];
    await deps.issueLinks.comment(providerKey, requestMentionDoc(provider.assignee, actor, dependent.key, dependent.summary));
    return [];
  } catch {
    return [`Requested, but ${providerKey}'s assignee could not be told in a comment: tell them yourself.`];
  }
}
