import { dependencyLinks, linkRequestSides } from '../../domain/dependencies/links';
import type { Milestone } from '../../domain/dependencies/model';
import { detailsProblem } from '../../domain/dependencies/operations';
import { mappingFor } from '../../domain/dependencies/settings';
import type { PersonRef } from '../../domain/planning-record/model';
import { AppFailure, forbidden, invalidInput, notFound } from '../shared/errors';
import { publishAfterWrite, savedRevOf, writeOperation, type ChangeDependencyDeps, type ChangeResult, type ProviderLink } from './change-dependency';
import type { WorkItem } from '../../domain/work-item/work-item';
import { getDependencyView } from './get-dependency-view';
import { requestComment } from './request-comment';

/** Jira keeps at most 2,000 links per issue (it answers 413 beyond). */
export const MAX_LINKS_PER_ISSUE = 2_000;

export interface AddIssueDependencyRequest {
  issueKey: string;
  providerKey: string;
  linkType: string;
  description: string;
  neededBy: Milestone | null;
  owner: PersonRef | null;
  /** Request it at once (IDENTIFIED otherwise). */
  request: boolean;
}

/**
 * Adds a dependency on another issue (any project): a real Jira issue link of a mapped type, created as the
 * user (Jira checks their Link Issues permission), read back from the dependent's links (POST answers 201
 * with no id), then its commitment data saved under the link id.
 */
export async function addIssueDependency(deps: ChangeDependencyDeps, r: AddIssueDependencyRequest, hops: number): Promise<ChangeResult> {
  const [item, provider] = await Promise.all([deps.reader.getWorkItem(r.issueKey), deps.reader.getWorkItem(r.providerKey)]);
  if (!item) throw notFound(`Issue ${r.issueKey}`);
  if (!provider) throw notFound(`Issue ${r.providerKey}`);
  if (provider.key === item.key) throw invalidInput('An issue cannot depend on itself.');
  if ((await deps.access.canEditIssue(item.key)) !== true) throw forbidden('Only people who can edit this issue can add its dependencies.');
  const problem = detailsProblem(r, deps.now().toISOString());
  if (problem) throw invalidInput(problem);
  const dependent = { id: item.id, key: item.key };
  const warnings: string[] = [];
  let link: ProviderLink | null = null;
  let saved: Awaited<ReturnType<typeof writeOperation>>;
  try {
    link = await ensureLink(deps, item, provider, r.linkType);
    saved = await writeOperation(deps, dependent, { type: 'describeLink', linkId: link.linkId, description: r.description, neededBy: r.neededBy, owner: r.owner }, link);
    if (r.request) {
      const requested = await writeOperation(deps, dependent, { type: 'request', dependencyId: `link:${link.linkId}` }, link);
      if (requested.changed) {
        saved = requested;
        warnings.push(...(await requestComment(deps, provider.key, item.key)));
      }
    }
  } catch (e) {
    if (!(e instanceof AppFailure) || (e.code !== 'UNAVAILABLE' && e.code !== 'UNCONFIRMED')) throw e;
    // A link that reached Jira counts in JQL, saved details or not, and no trigger reports the app's own links.
    await publishAfterWrite(deps, [item.id, provider.id]);
    // Details that may still land (UNCONFIRMED) are told as such; details that failed, with the link kept.
    throw link && e.code === 'UNAVAILABLE' ? linkKept(provider.key) : e;
  }
  warnings.push(...(await publishAfterWrite(deps, [item.id, provider.id])));
  return { changed: true, savedRev: savedRevOf(saved), view: await getDependencyView(deps, item.key, hops), warnings };
}

/**
 * The link is in Jira by now, so "nothing was saved" would be untrue when saving its details fails: say what
 * was kept. Adding the dependency again reuses the link (`ensureLink`) and saves the details once.
 */
const linkKept = (providerKey: string): AppFailure =>
  new AppFailure('UNAVAILABLE', `The link to ${providerKey} is in Jira, but its details were not saved: Jira or the app's storage was unavailable. Add the dependency again in a moment to save them; the link is reused, not duplicated.`);

const tooManyLinks = (which: string): string =>
  `${which} already has ${MAX_LINKS_PER_ISSUE.toLocaleString('en')} issue links, the most Jira keeps per issue: remove links that no longer matter, then add the dependency. Nothing was saved.`;

/**
 * The dependency link from `item` to `provider` of a mapped type: the existing one, or one created as the
 * user (Jira checks their Link Issues permission) and read back from the item's links (POST answers 201
 * with no id).
 */
export async function ensureLink(deps: ChangeDependencyDeps, item: WorkItem, provider: WorkItem, linkType: string): Promise<ProviderLink> {
  const settings = await deps.dependencySettings.get(item.project.key);
  const mapping = mappingFor(settings, linkType);
  if (!mapping) throw invalidInput(`Links of type "${linkType}" are not dependencies in ${item.project.key}: choose one of ${settings.linkTypes.map((t) => t.name).join(', ')}.`);
  const linkToProvider = async () => {
    const [self] = await deps.app.dependencyGraph.read([item.id]);
    const links = self ? dependencyLinks(self.id, self.links, settings) : [];
    return { self, link: links.find((l) => l.dependentId === item.id && l.providerId === provider.id && l.typeName.toLowerCase() === mapping.name.toLowerCase()) };
  };
  const before = await linkToProvider();
  if (!before.link) {
    const [providerRead] = await deps.app.dependencyGraph.read([provider.id]);
    for (const [key, read] of [[item.key, before.self], [provider.key, providerRead]] as const) {
      if ((read?.links.length ?? 0) >= MAX_LINKS_PER_ISSUE) throw invalidInput(tooManyLinks(key));
    }
    // Jira answers 413 when a link would pass the limit anyway (a race): the client reports Jira's message.
    const sides = linkRequestSides(mapping, item.key, provider.key);
    await deps.issueLinks.create(mapping.name, sides.inwardIssue, sides.outwardIssue);
  }
  const after = before.link ? before : await linkToProvider();
  if (!after.link) throw new AppFailure('UNCONFIRMED', `Jira created the link to ${provider.key}, but it cannot be read back yet: refresh in a moment to add its details.`);
  return { ...after.link, providerKey: provider.key };
}
