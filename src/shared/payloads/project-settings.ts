import { z } from 'zod';
import { TSHIRT_SIZES } from '../../domain/planning-record/model';

/** Schemas of what the project settings page may send; the domain checks the values' rules after this. */
const range = z.object({ low: z.number(), high: z.number() }).strict();
export const updateSettingsPayloadSchema = z
  .object({
    architectAccountIds: z.array(z.string().min(1).max(128)).max(50),
    tshirtScale: z.object(Object.fromEntries(TSHIRT_SIZES.map((s) => [s, range])) as Record<(typeof TSHIRT_SIZES)[number], typeof range>).strict(),
    divergenceThresholdPct: z.number(),
  })
  .strict();

export const searchUsersPayloadSchema = z.object({ query: z.string().trim().min(1, 'type part of a name or email').max(100) }).strict();

export const reviewSettingsPayloadSchema = z.object({ notifyByComment: z.boolean() }).strict();
