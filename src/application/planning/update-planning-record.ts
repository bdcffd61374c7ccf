import { ledgerFor } from '../../domain/planning-record/authority';
import { contextStatusFor, type PersonRef, type PlanningRecord } from '../../domain/planning-record/model';
import { applyOperation, type PlanningOperation } from '../../domain/planning-record/operations';
import { noteRepair } from '../../domain/planning-record/repair-note';
import { oversizeMessage } from '../../domain/planning-record/size';
import { summarize } from '../../domain/planning-record/summary';
import type { Deadline } from '../shared/deadline';
import { AppFailure, forbidden, invalidInput, jiraUnavailable, storageUnavailable, UnconfirmedWrite } from '../shared/errors';
import type { UserDirectory } from '../shared/ports';
import { assembleView, loadViewContext, type PlanningView, type PlanningViewDeps, type ViewContext } from './get-planning-view';
import type { ContextStatusPublisher, IssueLock, Lease, ReviewNotifier } from './ports';
import type { ReviewSettingsStore } from '../project-settings/ports';
import { notifyReviewStep } from './notify-review-step';
import { publishFacts } from '../item-summary/publish-facts';
import type { ItemSummaryStore } from '../item-summary/ports';
import { planningFactsOf } from '../../domain/readiness/planning-facts';
import { readVerifiedRecord, type VerifiedRecord } from './verified-record';

export interface UpdateDeps extends PlanningViewDeps {
  lock: IssueLock;
  users: UserDirectory;
  itemSummary: ItemSummaryStore;
  contextStatus: ContextStatusPublisher;
  deadline: Deadline;
  now: () => Date;
  newId: () => string;
  reviewSettings: ReviewSettingsStore;
  notifier: ReviewNotifier;
}

export interface UpdateRequest {
  issueKey: string;
  accountId: string;
  baseRev: number;
  operation: PlanningOperation;
}

export interface UpdateResult {
  changed: boolean;
  /** The view after the save, so the panel needs no second call. */
  view: PlanningView;
  /** Steps after the save that failed; the save itself landed. */
  warnings: string[];
}

/** Time the write itself needs (ledger, record, summary): with less left, nothing is started. */
export const MIN_WRITE_MS = 3_000;

/**
 * Applies one item-level change to an issue's planning record. Authorised as the user, applied to the
 * latest verified record under the issue's lease, size-checked, then written: the app's ledger first (so
 * a written approval always has its proof), the record, then the JQL summary and the side panel's lozenge.
 * Every answer matches what was stored: see ADR 0002 and ADR 0003.
 */
export async function updatePlanningRecord(deps: UpdateDeps, request: UpdateRequest): Promise<UpdateResult> {
  const [context, actor] = await Promise.all([loadViewContext(deps, request.issueKey, request.accountId), deps.users.me()]);
  if (!context.canEditIssue) throw forbidden('You need permission to edit this issue to change its planning record.');
  const { result, before } = await saveUnderLease(deps, request, context, actor);
  if (!result.changed || !before) return result;
  // After the lease is released: a Jira comment is no write to the app's properties, and must not hold them.
  const notified = await notifyReviewStep(deps, context, actor, before, result.view.record);
  return { ...result, warnings: [...result.warnings, ...notified] };
}

async function saveUnderLease(deps: UpdateDeps, request: UpdateRequest, context: ViewContext, actor: PersonRef): Promise<{ result: UpdateResult; before: PlanningRecord | null }> {
  const issueId = context.item.id;
  return deps.lock.withLock(issueId, async (lease) => {
    const current = await readForWrite(deps, issueId);
    const result = applyOperation(current.effective, request.operation, {
      actor,
      now: deps.now().toISOString(),
      baseRev: request.baseRev,
      canApprove: context.canApproveSpecs,
      newId: deps.newId,
    });
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.code === 'CONFLICT' ? result.error.conflict : undefined);
    if (!result.changed) return { result: { changed: false, view: assembleView(context, current), warnings: [] }, before: null };
    const next = noteRepair(result.record, current.integrity);
    const tooBig = oversizeMessage(next);
    if (tooBig) throw invalidInput(tooBig);
    if (!deps.deadline.allows(MIN_WRITE_MS)) throw jiraUnavailable('nothing was saved (it answered too slowly)');
    lease.assertHeld();

    await write(deps, issueId, current, next, lease);
    const saved: VerifiedRecord = { stored: next, effective: next, integrity: { changedOutsideApp: false, approvalUnverified: false }, problem: null, ledger: ledgerFor(next, deps.digest) };
    const warnings = await publishAfterSave(deps, issueId, current.effective, saved, context);
    return { result: { changed: true, view: assembleView(context, saved), warnings }, before: current.effective };
  });
}

async function readForWrite(deps: UpdateDeps, issueId: string): Promise<VerifiedRecord> {
  const current = await readVerifiedRecord(deps, issueId);
  if (current.problem) throw invalidInput(`This issue's planning record cannot be changed: ${current.problem}. It was left as it is.`);
  // Without the ledger no approval can be verified, and writing would drop a real one: write nothing.
  if (current.ledger === undefined) throw storageUnavailable();
  return current;
}

/** The ledger, then the record; a write that definitely failed, the ledger's own included, puts the ledger back. */
async function write(deps: UpdateDeps, issueId: string, current: VerifiedRecord, next: PlanningRecord, lease: Lease): Promise<void> {
  try {
    // Inside: a ledger write whose answer was lost may have landed, and would leave the record unproved.
    await deps.ledger.set(issueId, ledgerFor(next, deps.digest));
    await deps.store.save(issueId, next);
  } catch (e) {
    if (e instanceof UnconfirmedWrite) {
      // It may still land: keep the lease until it has, and keep the ledger that proves it.
      lease.holdUntil(e.settled);
      throw e;
    }
    await deps.ledger.set(issueId, current.ledger ?? null).catch(() => undefined);
    throw e;
  }
}

/** The JQL summary and the side panel's lozenge follow the record; their failures are told, not hidden. */
async function publishAfterSave(deps: UpdateDeps, issueId: string, before: PlanningRecord, saved: VerifiedRecord, context: ViewContext): Promise<string[]> {
  const warnings: string[] = [];
  // The planning facts go with the planning fields, so readiness is rescored from this very save.
  const planningFacts = planningFactsOf({ item: context.item, record: saved.effective, decomposition: context.decomposition, childStates: context.childStates, settings: context.settings });
  await publishFacts(deps, issueId, { planning: summarize(saved.effective, saved.integrity), planningFacts }).catch(() => {
    warnings.push('Saved, but Jira search (JQL such as planningSpecStatus) could not be updated: it shows the previous values until the next change here.');
  });
  if (before.rev === 0 || before.spec.status !== saved.effective.spec.status) {
    await deps.contextStatus.publish(issueId, contextStatusFor(saved.effective.spec.status)).catch(() => {
      warnings.push("Saved, but the Readiness panel's collapsed status could not be updated; it shows the old status until the next change.");
    });
  }
  return warnings;
}
