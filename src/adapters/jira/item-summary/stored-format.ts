import { z } from 'zod';
import { TSHIRT_SIZES } from '../../../domain/planning-record/model';
import { EMPTY_PLANNING, NO_DEPENDENCIES, NO_IMPEDIMENTS, NO_RISKS, type ItemSummary } from '../../../domain/item-summary/item-summary';

/**
 * The stored format of the item summary property. Version 1 held only the planning fields; version 2 adds
 * one section per feature, the readiness score
 * and (optional, not indexed) the planning facts readiness is scored from. Paths indexed in manifest.yml: `specStatus`,
 * `estimateConfidence`, `rev`, `changedOutsideApp`, `readiness.score`, `readiness.state`,
 * `dependencies.open`, `dependencies.late`, `dependencies.cycle`, `risks.level`, `risks.unroamed`,
 * `impediments.open`. Those paths are user-facing through their JQL aliases: keep them stable.
 */
export const ITEM_SUMMARY_SCHEMA_VERSION = 2;

const count = z.number().int().nonnegative();
// No upper bound: a large program's story points must never make its summary unreadable.
const points = z.number().nonnegative().finite();
const flag = z.union([z.literal(0), z.literal(1)]);
const planningFields = {
  rev: count,
  specStatus: z.enum(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']),
  estimateConfidence: z.number().int().min(1).max(5).optional(),
  changedOutsideApp: z.union([z.literal(0), z.literal(1)]),
};

const version1 = z.object({ schemaVersion: z.literal(1), ...planningFields }).strict();

const version2 = z
  .object({
    schemaVersion: z.literal(ITEM_SUMMARY_SCHEMA_VERSION),
    ...planningFields,
    dependencies: z.object({ open: count, late: count, cycle: flag, uncommitted: count }).strict(),
    risks: z.object({ level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), unroamed: count, blocking: count }).strict(),
    impediments: z.object({ open: count }).strict(),
    planningFacts: z
      .object({
        project: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/),
        typeId: z.string().max(32),
        level: z.number().int().min(-1).max(10),
        nfrs: flag,
        acceptance: flag,
        estimate: z.enum(['NONE', 'AGREES', 'DIVERGES', 'NO_BOTTOM_UP']),
        // Optional: summaries written before the numbers were kept still read (and stay verified).
        estimatePoints: z.object({ size: z.enum(TSHIRT_SIZES).optional(), low: points, high: points }).strict().optional(),
        bottomUpPoints: points.optional(),
        children: count,
        stories: count,
        estimatedStories: count,
        techLead: flag,
        // Optional: summaries written before the children's readiness was kept still read.
        childFeatures: count.optional(),
        childrenReady: count.optional(),
        childrenAtRisk: count.optional(),
      })
      .strict()
      .optional(),
    readiness: z
      .object({
        score: z.number().min(0).max(100),
        state: z.enum(['READY', 'AT_RISK', 'NOT_READY']),
        reasons: z.array(z.object({ criterion: z.string().max(64), weight: z.number().nonnegative(), earned: z.number().nonnegative() }).strict()).max(32),
      })
      .strict()
      .optional(),
  })
  .strict();

export type StoredItemSummary = z.infer<typeof version2>;

/** The summary a stored value holds, or null when it is not one the app could have written. */
export function fromStored(raw: unknown): ItemSummary | null {
  const current = version2.safeParse(raw);
  if (current.success) {
    const { schemaVersion: _v, ...summary } = current.data;
    return summary;
  }
  const old = version1.safeParse(raw);
  if (!old.success) return null;
  const { schemaVersion: _v, ...planning } = old.data;
  return { ...EMPTY_PLANNING, ...planning, dependencies: NO_DEPENDENCIES, risks: NO_RISKS, impediments: NO_IMPEDIMENTS };
}

export function toStored(summary: ItemSummary): StoredItemSummary {
  return { schemaVersion: ITEM_SUMMARY_SCHEMA_VERSION, ...summary };
}
