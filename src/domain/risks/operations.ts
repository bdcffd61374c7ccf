import type { OperationError } from '../planning-record/operations';
import { descriptionProblem, dueDateProblem, levelProblem, titleProblem } from './field-rules';
import { earliestNewDate } from '../../shared/past-dates';
import { HISTORY_LIMIT, RISK_CATEGORIES, RISK_LIMITS, ROAM_LABELS, type PersonRef, type Risk, type RiskCategory, type RiskRegister, type ScaleLevel } from './model';
import { riskScore } from './rating';
import { roam, type RoamRequest } from './roam';

/** The fields a person writes on a risk (its rating is changed by `risk.rate`, its state by `risk.roam`). */
export interface RiskFields {
  title: string;
  description: string;
  category: RiskCategory;
  dueDate: string | null;
}

export interface RatingInput {
  likelihood: number;
  impact: number;
}

/**
 * Item-level changes to a register: each names one risk, so two people changing different risks from the
 * same revision both keep their change, while a change to a risk someone changed since is a conflict that
 * carries that risk as it is now.
 */
export type RiskOperation =
  | { type: 'risk.add'; fields: RiskFields; rating: RatingInput }
  | { type: 'risk.edit'; riskId: string; fields: RiskFields }
  | { type: 'risk.rate'; riskId: string; rating: RatingInput }
  | { type: 'risk.roam'; riskId: string; roam: RoamRequest }
  | { type: 'risk.delete'; riskId: string };

export interface RiskOperationContext {
  actor: PersonRef;
  /** ISO timestamp of the change (time is passed in). */
  now: string;
  /** The register revision the editor was looking at. */
  baseRev: number;
  newId: () => string;
}

export type RiskOperationResult = { ok: true; register: RiskRegister; changed: boolean; riskId: string } | { ok: false; error: OperationError };

const invalid = (message: string): RiskOperationResult => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** `now` is the change's instant; `keptDueDate` the due date the risk has, accepted even once it has passed. */
function fieldsProblem(f: RiskFields, now: string, keptDueDate: string | null): string | null {
  if (!RISK_CATEGORIES.includes(f.category)) return `Category: choose one of ${RISK_CATEGORIES.join(', ')}.`;
  return titleProblem(f.title) ?? descriptionProblem(f.description) ?? dueDateProblem(f.dueDate, earliestNewDate(new Date(now)), keptDueDate);
}

function ratingProblem(r: RatingInput): string | null {
  return levelProblem('Likelihood', r.likelihood) ?? levelProblem('Impact', r.impact);
}

const cleanFields = (f: RiskFields): RiskFields => ({ title: f.title.trim(), description: f.description.replace(/\r\n?/g, '\n').trim(), category: f.category, dueDate: f.dueDate || null });

/** The risk an operation names, or the conflict that it was deleted or changed since the editor's revision. */
function target(register: RiskRegister, riskId: string, baseRev: number): { ok: true; risk: Risk } | { ok: false; error: OperationError } {
  const risk = register.risks.find((r) => r.id === riskId);
  if (!risk) {
    return { ok: false, error: { code: 'CONFLICT', message: 'That risk was deleted by someone else.', conflict: { part: `risk.${riskId}`, current: null, rev: register.rev } } };
  }
  if (risk.changedAtRev > baseRev) {
    return {
      ok: false,
      error: { code: 'CONFLICT', message: `Someone else changed "${risk.title}" after you opened it. Their version is shown; apply your change again.`, conflict: { part: `risk.${riskId}`, current: risk, rev: register.rev } },
    };
  }
  return { ok: true, risk };
}

/** Applies one operation (the input is not modified). */
export function applyRiskOperation(current: RiskRegister, op: RiskOperation, ctx: RiskOperationContext): RiskOperationResult {
  if (!Number.isInteger(ctx.baseRev) || ctx.baseRev < 0 || ctx.baseRev > current.rev) {
    return invalid(`The revision you edited (${ctx.baseRev}) is not one this register had; reload the panel.`);
  }
  const rev = current.rev + 1;
  const stamp = { by: ctx.actor, at: ctx.now };

  if (op.type === 'risk.add') {
    const problem = fieldsProblem(op.fields, ctx.now, null) ?? ratingProblem(op.rating);
    if (problem) return invalid(problem);
    if (current.risks.length >= RISK_LIMITS.risks) return invalid(`An item holds at most ${RISK_LIMITS.risks} risks; resolve and delete old ones first.`);
    const risk: Risk = {
      id: ctx.newId(),
      ...cleanFields(op.fields),
      rating: { likelihood: op.rating.likelihood as ScaleLevel, impact: op.rating.impact as ScaleLevel },
      roam: { state: 'UNROAMED' },
      source: null,
      closeProposed: null,
      created: stamp,
      updated: stamp,
      changedAtRev: rev,
    };
    return commit(current, [...current.risks, risk], risk.id, `Raised "${risk.title}"`, ctx);
  }

  const found = target(current, op.riskId, ctx.baseRev);
  if (!found.ok) return found;
  const risk = found.risk;
  const replace = (next: Risk, what: string): RiskOperationResult =>
    commit(current, current.risks.map((r) => (r.id === risk.id ? { ...next, updated: stamp, changedAtRev: rev } : r)), risk.id, what, ctx);

  switch (op.type) {
    case 'risk.edit': {
      const problem = fieldsProblem(op.fields, ctx.now, risk.dueDate);
      if (problem) return invalid(problem);
      const fields = cleanFields(op.fields);
      if (fields.title === risk.title && fields.description === risk.description && fields.category === risk.category && fields.dueDate === risk.dueDate) {
        return { ok: true, register: current, changed: false, riskId: risk.id };
      }
      return replace({ ...risk, ...fields }, `Edited "${fields.title}"`);
    }
    case 'risk.rate': {
      const problem = ratingProblem(op.rating);
      if (problem) return invalid(problem);
      const rating = { likelihood: op.rating.likelihood as ScaleLevel, impact: op.rating.impact as ScaleLevel };
      if (rating.likelihood === risk.rating.likelihood && rating.impact === risk.rating.impact) return { ok: true, register: current, changed: false, riskId: risk.id };
      if (risk.roam.state === 'MITIGATED' && riskScore(risk.roam.residual) > riskScore(rating)) {
        return invalid(`The residual rating (${risk.roam.residual.likelihood} x ${risk.roam.residual.impact}) would be above the new inherent one; ROAM the risk again with a lower residual first.`);
      }
      // An acceptance covers the rating that was accepted: a new rating needs a new decision.
      const withdrawn = risk.roam.state === 'ACCEPTED';
      const what = `Rated "${risk.title}" ${rating.likelihood} x ${rating.impact}${withdrawn ? '; its acceptance no longer applies, so it is unROAMed again' : ''}`;
      return replace({ ...risk, rating, roam: withdrawn ? { state: 'UNROAMED' } : risk.roam }, what);
    }
    case 'risk.roam': {
      const next = roam(risk, op.roam, ctx.actor, ctx.now);
      if (!next.ok) return invalid(next.message);
      const owner = next.roam.state === 'OWNED' ? ` (owner ${next.roam.owner.displayName})` : '';
      return replace({ ...risk, roam: next.roam, closeProposed: null }, `${ROAM_LABELS[next.roam.state]}: "${risk.title}"${owner}`);
    }
    case 'risk.delete':
      return commit(current, current.risks.filter((r) => r.id !== risk.id), risk.id, `Deleted "${risk.title}"`, ctx);
  }
}

/** The register with its new risks, the next revision and one more history entry (the oldest dropped past the limit). */
export function nextRevision(current: RiskRegister, risks: Risk[], riskId: string, what: string, ctx: Pick<RiskOperationContext, 'actor' | 'now'>, extra: Partial<RiskRegister> = {}): RiskRegister {
  const rev = current.rev + 1;
  const history = [...current.history, { rev, at: ctx.now, by: ctx.actor, riskId, what }].slice(-HISTORY_LIMIT);
  return { ...current, ...extra, rev, risks, history };
}

function commit(current: RiskRegister, risks: Risk[], riskId: string, what: string, ctx: RiskOperationContext): RiskOperationResult {
  return { ok: true, register: nextRevision(current, risks, riskId, what, ctx), changed: true, riskId };
}
