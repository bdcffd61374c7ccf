import { z } from 'zod';
import { SPEC_SECTION_KEYS, TSHIRT_SIZES } from '../../domain/planning-record/model';

/**
 * Schemas of what the Planning panel may send. Types are checked here; the domain's rules (lengths, HTML, ranges,
 * workflow) answer with field-specific messages after that.
 */
const text = z.string().max(100_000, 'is far too long');

export const planningOperationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('spec.editSection'), section: z.enum(SPEC_SECTION_KEYS), text }).strict(),
  z.object({ type: z.literal('spec.addLink'), url: text, title: text }).strict(),
  z.object({ type: z.literal('spec.removeLink'), linkId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('spec.submitForReview') }).strict(),
  z.object({ type: z.literal('spec.approve') }).strict(),
  z.object({ type: z.literal('spec.requestChanges'), comment: text }).strict(),
  z.object({ type: z.literal('review.comment'), section: z.enum(SPEC_SECTION_KEYS), text }).strict(),
  z.object({ type: z.literal('review.reply'), threadId: z.string().min(1).max(64), text }).strict(),
  z
    .object({
      type: z.literal('estimate.set'),
      value: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('tshirt'), size: z.enum(TSHIRT_SIZES) }).strict(),
        z.object({ kind: z.literal('points'), low: z.number(), high: z.number() }).strict(),
      ]),
      confidence: z.number(),
      assumptions: text,
    })
    .strict(),
  z.object({ type: z.literal('estimate.clear') }).strict(),
]);

export const updatePlanningPayloadSchema = z.object({ baseRev: z.number().int().nonnegative(), operation: planningOperationSchema }).strict();
