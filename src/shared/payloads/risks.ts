import { z } from 'zod';
import { RISK_CATEGORIES } from '../../domain/risks/model';

/**
 * Schemas of what the risk surfaces may send: types and bounds here; the domain's rules (required fields per
 * ROAM state, lengths, dates, the residual below the inherent rating) answer after that with field messages.
 * The same field rules run in the panel as the user types: they are re-exported for it below.
 */
export { descriptionProblem, dueDateProblem, levelProblem, planProblem, rationaleProblem, residualProblem, resolutionProblem, titleProblem } from '../../domain/risks/field-rules';

const text = z.string().max(20_000, 'is far too long');
const level = z.number();
const id = z.string().min(1).max(64);
const rating = z.object({ likelihood: level, impact: level }).strict();
const fields = z.object({ title: text, description: text, category: z.enum(RISK_CATEGORIES), dueDate: z.string().max(10).nullable() }).strict();

const roamInput = z.discriminatedUnion('state', [
  z.object({ state: z.literal('UNROAMED') }).strict(),
  z.object({ state: z.literal('RESOLVED'), note: text }).strict(),
  z.object({ state: z.literal('OWNED'), ownerAccountId: z.string().max(128) }).strict(),
  z.object({ state: z.literal('ACCEPTED'), rationale: text }).strict(),
  z.object({ state: z.literal('MITIGATED'), plan: text, residual: rating }).strict(),
]);

export const riskOperationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('risk.add'), fields, rating }).strict(),
  z.object({ type: z.literal('risk.edit'), riskId: id, fields }).strict(),
  z.object({ type: z.literal('risk.rate'), riskId: id, rating }).strict(),
  z.object({ type: z.literal('risk.roam'), riskId: id, roam: roamInput }).strict(),
  z.object({ type: z.literal('risk.delete'), riskId: id }).strict(),
]);

export const updateRisksPayloadSchema = z.object({ baseRev: z.number().int().nonnegative(), operation: riskOperationSchema }).strict();

export const syncDependenciesPayloadSchema = z
  .object({ signals: z.array(z.object({ dependencyId: id, state: z.enum(['LATE', 'DECLINED', 'RESOLVED']), title: z.string().min(1).max(200) }).strict()).min(1).max(50) })
  .strict();

export const riskSettingsPayloadSchema = z
  .object({
    likelihoodLabels: z.array(z.string().max(200)).max(10),
    impactLabels: z.array(z.string().max(200)).max(10),
    thresholds: z.object({ medium: z.number(), high: z.number(), critical: z.number() }).strict(),
  })
  .strict();

/** The matrix's score and rating, so the panel colours a cell exactly as the app rates it; the settings' rules likewise. */
export { ratingOf, riskScore } from '../../domain/risks/rating';
export { DEFAULT_RISK_SETTINGS, LABEL_CHARS, riskSettingsProblem } from '../../domain/risks/settings';
