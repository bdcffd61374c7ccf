import { randomId } from '../shared/random-id';
import { applyOperation, type PlanningOperation } from '../../domain/planning-record/operations';
import { contextStatusFor, type PlanningRecord } from '../../domain/planning-record/model';
import { oversizeMessage } from '../../domain/planning-record/size';
import { readStoredRecord } from '../../adapters/jira/planning-record/stored-format';
import { canApproveSpecs } from './approval-rights';
import { AppFailure, forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, ContextStatusPublisher, IssueLock, PlanningRecordStore, ProjectSettingsStore, UserDirectory } from '../shared/ports';

export interface UpdateDeps {
  store: PlanningRecordStore;
  lock: IssueLock;
  access: AccessChecker;
  settings: ProjectSettingsStore;
  users: UserDirectory;
  contextStatus: ContextStatusPublisher;
  now: () => Date;
}

export interface UpdateRequest {
  issueKey: string;
  projectKey: string;
  accountId: string;
  baseRev: number;
  operation: PlanningOperation;
}

/**
 * Applies one item-level change to an issue's planning record: authorised, applied to the latest stored
 * record under the issue's lock, size-checked, then saved. See ADR 0002.
 */
export async function updatePlanningRecord(deps: UpdateDeps, request: UpdateRequest): Promise<{ record: PlanningRecord; changed: boolean }> {
  const canEdit = await deps.access.canEditIssue(request.issueKey);
  if (canEdit === null) throw notFound(`Issue ${request.issueKey}`);
  if (!canEdit) throw forbidden('You need permission to edit this issue to change its planning record.');
  const canApprove =
    request.operation.type === 'spec.approve' &&
    (await canApproveSpecs(deps.access, await deps.settings.get(request.projectKey), request.projectKey, request.accountId));
  const actor = await deps.users.me();

  return deps.lock.withLock(request.issueKey, async () => {
    const read = readStoredRecord(await deps.store.load(request.issueKey));
    if (!read.ok) throw invalidInput(`This issue's planning record cannot be changed: ${read.reason}. It was left as it is.`);
    const result = applyOperation(read.record, request.operation, {
      actor,
      now: deps.now().toISOString(),
      baseRev: request.baseRev,
      canApprove,
      newId: randomId,
    });
    if (!result.ok) {
      throw new AppFailure(result.error.code, result.error.message, result.error.code === 'CONFLICT' ? result.error.conflict : undefined);
    }
    if (!result.changed) return { record: result.record, changed: false };
    const tooBig = oversizeMessage(result.record);
    if (tooBig) throw invalidInput(tooBig);
    await deps.store.save(request.issueKey, result.record);
    // The first save creates the record (a draft); later ones matter only when the spec status moves.
    if (read.record.rev === 0 || result.record.spec.status !== read.record.spec.status) {
      await deps.contextStatus.publish(request.issueKey, contextStatusFor(result.record.spec.status));
    }
    return { record: result.record, changed: true };
  });
}
