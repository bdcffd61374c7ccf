import { applyRiskOperation, type RiskOperation } from '../../domain/risks/operations';
import type { RoamRequest } from '../../domain/risks/roam';
import type { IssueLock } from '../planning/ports';
import { AppFailure, forbidden, invalidInput, storageUnavailable } from '../shared/errors';
import type { UserDirectory } from '../shared/ports';
import { loadRiskContext } from './risk-context';
import { assembleRiskView, type RiskView, type RiskViewDeps } from './get-risk-view';
import { saveRegister, type SaveRegisterDeps } from './save-register';
import { readVerifiedRegister, type VerifiedRegister } from './verified-register';

export interface UpdateRisksDeps extends RiskViewDeps, SaveRegisterDeps {
  lock: IssueLock;
  users: UserDirectory;
  now: () => Date;
  newId: () => string;
}

/** A ROAM request as the panel sends it: the owner is a Jira account id, looked up here. */
export type RoamInput = Exclude<RoamRequest, { state: 'OWNED' }> | { state: 'OWNED'; ownerAccountId: string };

/** The operations as the panel sends them (see src/shared/payloads/risks.ts): a ROAM names its owner by account id. */
export type RiskOperationInput = Exclude<RiskOperation, { type: 'risk.roam' }> | { type: 'risk.roam'; riskId: string; roam: RoamInput };

export interface UpdateRisksRequest {
  issueKey: string;
  baseRev: number;
  operation: RiskOperationInput;
}

export interface UpdateRisksResult {
  changed: boolean;
  view: RiskView;
  /** Steps after the save that failed; the save itself landed. */
  warnings: string[];
}

/** An owner must be a Jira user: the account id is looked up, so the register names a real person. */
async function withOwner(users: UserDirectory, op: RiskOperationInput): Promise<RiskOperation> {
  if (op.type !== 'risk.roam') return op;
  const { roam } = op;
  if (roam.state !== 'OWNED') return { ...op, roam };
  const [owner] = roam.ownerAccountId ? await users.byIds([roam.ownerAccountId]) : [];
  return { ...op, roam: { state: 'OWNED', owner: owner ?? null } };
}

/**
 * Applies one item-level change to an issue's risk register: authorised as the user (edit permission),
 * applied to the latest verified register under the issue's lease (a change to a risk someone else changed
 * since `baseRev` is a conflict), size-checked and written with its proof, then the JQL summary follows.
 */
export async function updateRisks(deps: UpdateRisksDeps, request: UpdateRisksRequest): Promise<UpdateRisksResult> {
  const [context, actor] = await Promise.all([loadRiskContext(deps, request.issueKey), deps.users.me()]);
  if (!context.canEdit) throw forbidden('You need permission to edit this issue to change its risks.');
  const operation = await withOwner(deps.users, request.operation);
  const issueId = context.item.id;

  return deps.lock.withLock(issueId, async (lease) => {
    const current = await readForWrite(deps, issueId);
    const result = applyRiskOperation(current.effective, operation, { actor, now: deps.now().toISOString(), baseRev: request.baseRev, newId: deps.newId });
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.code === 'CONFLICT' ? result.error.conflict : undefined);
    if (!result.changed) return { changed: false, view: assembleRiskView(context, current), warnings: [] };
    const { saved, warnings } = await saveRegister(deps, issueId, current, result.register, context.settings.thresholds, lease);
    const verified: VerifiedRegister = { effective: saved, integrity: { changedOutsideApp: false, unverifiedAcceptances: [] }, problem: null, ledger: null };
    return { changed: true, view: assembleRiskView(context, verified), warnings };
  });
}

/** The register to change: never one that cannot be read, nor without the ledger (a real acceptance would be dropped). */
export async function readForWrite(deps: RiskViewDeps, issueId: string): Promise<VerifiedRegister> {
  const current = await readVerifiedRegister(deps, issueId);
  if (current.problem) throw invalidInput(`This issue's risk register cannot be changed: ${current.problem}. It was left as it is.`);
  if (current.ledger === undefined) throw storageUnavailable();
  return current;
}
