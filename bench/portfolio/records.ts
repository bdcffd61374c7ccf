import { applyOperation, type PlanningOperation } from '../../src/domain/planning-record/operations';
import { emptyPlanningRecord, TSHIRT_SIZES, type EstimateValue, type PersonRef, type PlanningRecord } from '../../src/domain/planning-record/model';

/**
 * Planning records in a chosen state, built through the domain's own operations (as the app's resolvers
 * would), so every generated record is one the app could have written.
 */
export const SPEC_STATES = ['none', 'draft', 'inReview', 'approved'] as const;
export type SpecState = (typeof SPEC_STATES)[number];

export interface RecordPlan {
  state: SpecState;
  /** An estimate to set, or null for an unestimated item. */
  estimate: { value: EstimateValue; confidence: number } | null;
}

export interface RecordActors {
  /** Writes the spec and the estimate. */
  author: PersonRef;
  /** Approves specs (an architect of the project). */
  architect: PersonRef;
}

/** The operations that take an empty record to the planned state, each with who does it. */
function operationsFor(plan: RecordPlan, actors: RecordActors, title: string): Array<{ op: PlanningOperation; by: PersonRef }> {
  const ops: Array<{ op: PlanningOperation; by: PersonRef }> = [];
  const author = (op: PlanningOperation): void => void ops.push({ op, by: actors.author });
  if (plan.state !== 'none') author({ type: 'spec.editSection', section: 'context', text: `Why "${title}" matters to the program.` });
  if (plan.state === 'inReview' || plan.state === 'approved') {
    author({ type: 'spec.editSection', section: 'approach', text: `How "${title}" will be built.` });
    author({ type: 'spec.submitForReview' });
  }
  if (plan.state === 'approved') ops.push({ op: { type: 'spec.approve' }, by: actors.architect });
  if (plan.estimate) author({ type: 'estimate.set', value: plan.estimate.value, confidence: plan.estimate.confidence, assumptions: 'Team capacity as in the last PI.' });
  return ops;
}

/**
 * @example
 * buildRecord({ state: 'approved', estimate: null }, actors, 'Ledger', '2026-11-02T09:00:00.000Z').spec.status // => 'APPROVED'
 */
export function buildRecord(plan: RecordPlan, actors: RecordActors, title: string, now: string): PlanningRecord {
  let record = emptyPlanningRecord();
  for (const { op, by } of operationsFor(plan, actors, title)) {
    const result = applyOperation(record, op, { actor: by, now, baseRev: record.rev, canApprove: by === actors.architect, newId: () => 'unused' });
    if (!result.ok) throw new Error(`Generated operation ${op.type} was refused: ${result.error.message}`);
    record = result.record;
  }
  return record;
}

/** A random estimate: a T-shirt size or a points range, with a confidence of 1 to 5. */
export function randomEstimate(rnd: () => number): RecordPlan['estimate'] {
  const confidence = 1 + Math.floor(rnd() * 5);
  if (rnd() < 0.5) return { value: { kind: 'tshirt', size: TSHIRT_SIZES[Math.floor(rnd() * TSHIRT_SIZES.length)]! }, confidence };
  const low = 1 + Math.floor(rnd() * 40);
  return { value: { kind: 'points', low, high: low + Math.floor(rnd() * 20) }, confidence };
}
