import { applyOperation, type OperationContext, type PlanningOperation } from '../../src/domain/planning-record/operations';
import { emptyPlanningRecord, type PlanningRecord } from '../../src/domain/planning-record/model';

/** Builders of planning records through the domain's own operations, so every record is valid. */
export const lead = { accountId: 'lead', displayName: 'Lena Lead' };
export const architect = { accountId: 'arch', displayName: 'Arjun Architect' };

let ids = 0;
export const ctx = (overrides: Partial<OperationContext> = {}): OperationContext => ({ actor: lead, now: '2026-11-24T10:00:00.000Z', baseRev: 0, canApprove: false, newId: () => `l${++ids}`, ...overrides });

export function apply(record: PlanningRecord, op: PlanningOperation, c: Partial<OperationContext> = {}): PlanningRecord {
  const r = applyOperation(record, op, ctx({ baseRev: record.rev, ...c }));
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

export const specInReview = (): PlanningRecord => {
  let r = apply(emptyPlanningRecord(), { type: 'spec.editSection', section: 'context', text: 'Why' });
  r = apply(r, { type: 'spec.editSection', section: 'approach', text: 'How' });
  return apply(r, { type: 'spec.submitForReview' });
};

export const approvedSpec = (): PlanningRecord => apply(specInReview(), { type: 'spec.approve' }, { actor: architect, canApprove: true, now: '2026-11-24T11:00:00.000Z' });
