import { forbidden, invalidInput, notFound } from '../shared/errors';
import { readVerifiedDependencies } from './verified-dependencies';
import { ensureLink } from './add-issue-dependency';
import { publishAfterWrite, savedRevOf, writeOperation, type ChangeDependencyDeps, type ChangeResult } from './change-dependency';
import { getDependencyView } from './get-dependency-view';

/**
 * A team dependency becomes an issue dependency: the providing team's issue is linked (a real Jira link,
 * created as the user), and the commitment moves onto the link as it was (status, dates, owner, history).
 */
export async function linkTeamIssue(deps: ChangeDependencyDeps, r: { issueKey: string; dependencyId: string; providerKey: string; linkType: string }, hops: number): Promise<ChangeResult> {
  const [item, provider] = await Promise.all([deps.reader.getWorkItem(r.issueKey), deps.reader.getWorkItem(r.providerKey)]);
  if (!item) throw notFound(`Issue ${r.issueKey}`);
  if (!provider) throw notFound(`Issue ${r.providerKey}`);
  if (provider.key === item.key) throw invalidInput('An issue cannot depend on itself.');
  await assertEitherSide(deps, item.id, item.key, r.dependencyId);
  const link = await ensureLink(deps, item, provider, r.linkType);
  // The sides are the team dependency's (its named owner may link), so no link is passed here.
  const result = await writeOperation(deps, { id: item.id, key: item.key }, { type: 'convert', dependencyId: r.dependencyId, linkId: link.linkId }, null);
  const warnings = await publishAfterWrite(deps, [item.id, provider.id]);
  return { changed: result.changed, savedRev: savedRevOf(result), view: await getDependencyView(deps, item.key, hops), warnings };
}

/** Before any link is created: people who can edit the issue, or the owner named for the team, may link its issue. */
async function assertEitherSide(deps: ChangeDependencyDeps, issueId: string, issueKey: string, dependencyId: string): Promise<void> {
  if ((await deps.access.canEditIssue(issueKey)) === true) return;
  const [me, record] = await Promise.all([deps.users.me(), readVerifiedDependencies(deps.app, issueId)]);
  const other = record.effective.others.find((o) => o.id === dependencyId);
  if (!other || other.owner?.accountId !== me.accountId) throw forbidden("Only the team's named owner or people who can edit this issue can link the team's issue.");
}
