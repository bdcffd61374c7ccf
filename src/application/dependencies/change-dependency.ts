import { dependencyLedgerFor } from '../../domain/dependencies/authority';
import { dependencyLinks, type DependencyLink } from '../../domain/dependencies/links';
import { linkIdOf, type DependencyRecord } from '../../domain/dependencies/model';
import { applyDependencyOperation, type DependencyOperation, type Sides } from '../../domain/dependencies/operations';
import { sidesFor } from '../../domain/dependencies/sides';
import { dependencyOversizeMessage } from '../../domain/dependencies/size';
import type { PersonRef } from '../../domain/planning-record/model';
import type { IssueLock, Lease } from '../planning/ports';
import type { Deadline } from '../shared/deadline';
import { AppFailure, invalidInput, jiraUnavailable, notFound, UnconfirmedWrite } from '../shared/errors';
import { getDependencyView, type DependencyView, type DependencyViewDeps } from './get-dependency-view';
import type { DependencyRecordStore, ReadIssue } from './ports';
import { recomputeDependencyFacts, type FactsDeps } from './publish-dependency-facts';
import { requestComment } from './request-comment';
import { readVerifiedDependencies, type VerifiedDependencies } from './verified-dependencies';

/**
 * The use cases run as the user for everything the user reads and decides, and write the dependent's
 * property as the app (`app`): the providing side commits on the dependent's record without having to be
 * able to edit the dependent issue. Authority is the app's check, proved by its ledger (ADR 0007).
 */
export interface ChangeDependencyDeps extends DependencyViewDeps {
  lock: IssueLock;
  deadline: Deadline;
  now: () => Date;
  newId: () => string;
  /** As the app: the records, and the facts published after the write. */
  app: FactsDeps & { dependencyRecords: DependencyRecordStore };
}

export interface ChangeResult {
  changed: boolean;
  /** The dependent record's revision this change wrote (null when nothing changed); the view may show a later one. */
  savedRev: number | null;
  view: DependencyView;
  warnings: string[];
}

/** Time the write itself needs (ledger, property): with less left, nothing is started. */
const MIN_WRITE_MS = 3_000;

/**
 * Applies one operation to a dependency of the panel's issue, in either direction: for a link where the
 * panel's issue is the provider, the record changed is the dependent's, found from the link Jira has (never
 * from the payload).
 */
export async function changeDependency(deps: ChangeDependencyDeps, issueKey: string, operation: DependencyOperation, hops: number): Promise<ChangeResult> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  const [self] = await deps.app.dependencyGraph.read([item.id]);
  if (!self) throw notFound(`Issue ${issueKey}`);
  const settings = await deps.dependencySettings.get(self.projectKey);
  const links = dependencyLinks(self.id, self.links, settings);
  const linkId = 'dependencyId' in operation ? linkIdOf(operation.dependencyId) : null;
  const link = linkId === null ? null : links.find((l) => l.linkId === linkId);
  if (linkId !== null && !link) throw notFound('That dependency');
  const dependent = link ? { id: link.dependentId, key: keyOf(self, link.dependentId) } : { id: self.id, key: self.key };
  const warnings: string[] = [];
  const result = await writeOperation(deps, dependent, operation, link ? { ...link, providerKey: keyOf(self, link.providerId) } : null);
  if (result.changed) {
    if (operation.type === 'request' && link) warnings.push(...(await requestComment(deps, keyOf(self, link.providerId), dependent.key)));
    warnings.push(...(await publishAfterWrite(deps, [dependent.id])));
  }
  return { changed: result.changed, savedRev: savedRevOf(result), view: await getDependencyView(deps, issueKey, hops), warnings };
}

export const savedRevOf = (result: WriteResult): number | null => (result.changed ? result.rev : null);

/** A dependency link with the providing issue's key (permissions are checked by key). */
export type ProviderLink = DependencyLink & { providerKey: string };

const keyOf = (self: ReadIssue, id: string): string => (id === self.id ? self.key : (self.links.find((l) => l.otherId === id)?.otherKey ?? id));

/**
 * Under the dependent's lease: re-reads its links and verified record, decides the acting user's side, applies
 * the operation, checks the size, then writes the ledger first and the property (ADR 0003's order).
 */
/** What a write needs: the user's side of things, and the app's records and ledger. */
export type WriteDeps = Pick<ChangeDependencyDeps, 'users' | 'access' | 'lock' | 'deadline' | 'now' | 'newId' | 'dependencySettings' | 'digest'> & {
  app: Pick<ChangeDependencyDeps['app'], 'dependencyGraph' | 'dependencyRecords' | 'dependencyLedger' | 'digest'>;
};

/** Whether the operation changed the record, and the record's revision after it. */
export type WriteResult = { changed: boolean; rev: number };

export async function writeOperation(deps: WriteDeps, dependent: { id: string; key: string }, operation: DependencyOperation, link: ProviderLink | null): Promise<WriteResult> {
  const [actor, canEditDependent, canEditProvider] = await Promise.all([
    deps.users.me(),
    deps.access.canEditIssue(dependent.key),
    link ? deps.access.canEditIssue(link.providerKey) : Promise.resolve(false),
  ]);
  return deps.lock.withLock(dependent.id, async (lease) => {
    const [[fresh], current] = await Promise.all([deps.app.dependencyGraph.read([dependent.id]), readVerifiedDependencies(deps.app, dependent.id)]);
    if (!fresh) throw notFound(`Issue ${dependent.key}`);
    if (current.problem) throw invalidInput(`The dependencies of ${dependent.key} cannot be changed: ${current.problem}. They were left as they are.`);
    const settings = await deps.dependencySettings.get(fresh.projectKey);
    const known = new Set(dependencyLinks(fresh.id, fresh.links, settings).filter((l) => l.dependentId === fresh.id).map((l) => l.linkId));
    const sides = sidesOf(operation, current.effective, link, { actor, canEditDependent: canEditDependent === true, canEditProvider: canEditProvider === true });
    const result = applyDependencyOperation(current.effective, operation, { actor, now: deps.now().toISOString(), newId: deps.newId, sides }, known);
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.code === 'CONFLICT' ? result.error.conflict : undefined);
    if (!result.changed) return { changed: false, rev: current.effective.rev };
    const tooBig = dependencyOversizeMessage(result.record);
    if (tooBig) throw invalidInput(tooBig);
    if (!deps.deadline.allows(MIN_WRITE_MS)) throw jiraUnavailable('nothing was saved (it answered too slowly)');
    lease.assertHeld();
    await write(deps, dependent.id, current, result.record, lease);
    return { changed: true, rev: result.record.rev };
  });
}

function sidesOf(operation: DependencyOperation, record: DependencyRecord, link: DependencyLink | null, who: { actor: PersonRef; canEditDependent: boolean; canEditProvider: boolean }): Sides {
  if (link) return sidesFor({ kind: 'link', canEditProvider: who.canEditProvider }, who);
  const other = 'dependencyId' in operation ? record.others.find((o) => o.id === operation.dependencyId) : undefined;
  if (!other) return { dependent: who.canEditDependent, provider: false };
  return sidesFor({ kind: 'other', commitment: other }, who);
}

/** The ledger, then the property; a property write that definitely failed puts the ledger back. */
async function write(deps: WriteDeps, issueId: string, current: VerifiedDependencies, next: DependencyRecord, lease: Lease): Promise<void> {
  // The effective record has dropped unproved decisions, so writing it also repairs a forged property.
  await deps.app.dependencyLedger.set(issueId, dependencyLedgerFor(next, deps.digest));
  try {
    await deps.app.dependencyRecords.save(issueId, next);
  } catch (e) {
    if (e instanceof UnconfirmedWrite) {
      lease.holdUntil(e.settled);
      throw e;
    }
    await deps.app.dependencyLedger.set(issueId, current.ledger).catch(() => undefined);
    throw e;
  }
}

/** The JQL facts follow every write; a failure is told as a warning on a saved change. */
export async function publishAfterWrite(deps: ChangeDependencyDeps, issueIds: string[]): Promise<string[]> {
  try {
    await recomputeDependencyFacts(deps.app, issueIds, { withDependents: false });
    return [];
  } catch {
    return ['Saved, but Jira search (JQL such as openDependencies) could not be updated: it shows the previous values until the next change.'];
  }
}
