import { levelProblem, planProblem, rationaleProblem, residualProblem, resolutionProblem } from './field-rules';
import type { PersonRef, Risk, Roam, RoamState, ScaleLevel } from './model';
import { riskScore } from './rating';

/** What a person asks for when they ROAM a risk; the app adds who and when. */
export type RoamRequest =
  | { state: 'UNROAMED' }
  | { state: 'RESOLVED'; note: string }
  | { state: 'OWNED'; owner: PersonRef | null }
  | { state: 'ACCEPTED'; rationale: string }
  | { state: 'MITIGATED'; plan: string; residual: { likelihood: number; impact: number } };

/**
 * Which moves are allowed: from unROAMed to any of the four; between Owned, Accepted and Mitigated (a
 * risk's response changes as planning goes on, and re-ROAMing the same state updates its fields); any ROAMed
 * risk back to unROAMed (reopened). Resolved is final except for reopening: a closed risk that comes back
 * is looked at again from the start.
 */
export function transitionProblem(from: RoamState, to: RoamState): string | null {
  if (from === to && to === 'UNROAMED') return 'The risk is already unROAMed.';
  if (from === 'RESOLVED' && to !== 'UNROAMED') return 'The risk is resolved: reopen it (unROAMed) before ROAMing it again.';
  return null;
}

/** The fields the target state requires, or the first one missing or wrong. */
export function roamFieldsProblem(risk: Risk, request: RoamRequest): string | null {
  switch (request.state) {
    case 'UNROAMED':
      return null;
    case 'RESOLVED':
      return resolutionProblem(request.note);
    case 'OWNED':
      return request.owner ? null : 'Owner: choose the person who owns the response.';
    case 'ACCEPTED':
      return rationaleProblem(request.rationale);
    case 'MITIGATED':
      return (
        planProblem(request.plan) ??
        levelProblem('Residual likelihood', request.residual.likelihood) ??
        levelProblem('Residual impact', request.residual.impact) ??
        residualProblem(riskScore(risk.rating), request.residual.likelihood, request.residual.impact)
      );
  }
}

/**
 * The new ROAM state, stamped with who did it and when, or why it cannot be.
 *
 * @example
 * roam(risk, { state: 'OWNED', owner: null }, lena, now) // => { ok: false, message: 'Owner: choose the person who owns the response.' }
 */
export function roam(risk: Risk, request: RoamRequest, by: PersonRef, at: string): { ok: true; roam: Roam } | { ok: false; message: string } {
  const problem = transitionProblem(risk.roam.state, request.state) ?? roamFieldsProblem(risk, request);
  if (problem) return { ok: false, message: problem };
  switch (request.state) {
    case 'UNROAMED':
      return { ok: true, roam: { state: 'UNROAMED' } };
    case 'RESOLVED':
      return { ok: true, roam: { state: 'RESOLVED', note: request.note.trim(), by, at } };
    case 'OWNED':
      return request.owner ? { ok: true, roam: { state: 'OWNED', owner: request.owner, by, at } } : { ok: false, message: 'Owner: choose the person who owns the response.' };
    case 'ACCEPTED':
      return { ok: true, roam: { state: 'ACCEPTED', rationale: request.rationale.trim(), by, at } };
    case 'MITIGATED':
      // Checked above: both are whole levels from 1 to 5.
      return { ok: true, roam: { state: 'MITIGATED', plan: request.plan.trim(), residual: { likelihood: request.residual.likelihood as ScaleLevel, impact: request.residual.impact as ScaleLevel }, by, at } };
  }
}
