import { z } from 'zod';
import { HISTORY_LIMIT, LIMITS, SPEC_SECTION_KEYS, SPEC_STATUSES, TSHIRT_SIZES, emptyPlanningRecord, type PlanningRecord } from '../../../domain/planning-record/model';

/**
 * The planning record's stored format (the JSON in the `planning-readiness` issue property): the shape of
 * each schema version, migration to the current one, and the mapping to and from the domain model.
 * A record that does not parse, or that a newer app version wrote, is reported, never overwritten.
 */
export const PLANNING_RECORD_SCHEMA_VERSION = 2;

const person = z.object({ accountId: z.string().min(1), displayName: z.string() });
const estimateValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tshirt'), size: z.enum(TSHIRT_SIZES) }),
  z.object({ kind: z.literal('points'), low: z.number().nonnegative(), high: z.number().nonnegative() }),
]);

const specFields = {
  sections: z.partialRecord(z.enum(SPEC_SECTION_KEYS), z.string()),
  links: z.array(z.object({ id: z.string(), url: z.string(), title: z.string() })),
  approval: z.object({ by: person, at: z.string() }).nullable(),
  author: person.nullable(),
  lastEditor: person.nullable(),
  lastEditedAt: z.string().nullable(),
};

/** Version 1: the spec workflow Draft, In review, Approved; no review comments. */
export const storedRecordV1 = z.object({
  schemaVersion: z.literal(1),
  rev: z.number().int().nonnegative(),
  changedAtRev: z.record(z.string(), z.number().int().nonnegative()),
  spec: z.object({ ...specFields, status: z.enum(['DRAFT', 'IN_REVIEW', 'APPROVED']) }),
  estimate: z
    .object({ value: estimateValue, confidence: z.number().int().min(1).max(5), assumptions: z.string(), by: person, at: z.string() })
    .nullable(),
  history: z.array(z.object({ rev: z.number().int(), at: z.string(), by: person, what: z.string() })).max(HISTORY_LIMIT),
});

const comment = z.object({ id: z.string(), by: person, at: z.string(), text: z.string() });

/** Version 2 adds the status Changes requested, the last request for changes and comment threads per section. */
export const storedRecordV2 = storedRecordV1.extend({
  schemaVersion: z.literal(2),
  spec: z.object({ ...specFields, status: z.enum(SPEC_STATUSES) }),
  review: z.object({
    changesRequest: z.object({ by: person, at: z.string(), comment: z.string() }).nullable(),
    threads: z
      .array(z.object({ id: z.string(), section: z.enum(SPEC_SECTION_KEYS), comments: z.array(comment).min(1).max(LIMITS.commentsPerThread) }))
      .max(LIMITS.threads),
  }),
});

/** Each older version's shape, checked before it is upgraded to the next (a v1 record may not claim a v2 status). */
const MIGRATIONS: Record<number, { shape: z.ZodType<Record<string, unknown>>; up: (older: Record<string, unknown>) => Record<string, unknown> }> = {
  1: { shape: storedRecordV1, up: (v1) => ({ ...v1, schemaVersion: 2, review: { changesRequest: null, threads: [] } }) },
};

function damaged(error: z.ZodError): ReadResult {
  const issue = error.issues[0];
  return { ok: false, reason: `the stored planning record is damaged (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` };
}

export type StoredPlanningRecordV2 = z.infer<typeof storedRecordV2>;

export type ReadResult = { ok: true; record: PlanningRecord } | { ok: false; reason: string };

/** The stored JSON of a domain record (the current schema version). */
export function toStoredRecord(record: PlanningRecord): StoredPlanningRecordV2 {
  return {
    schemaVersion: PLANNING_RECORD_SCHEMA_VERSION,
    rev: record.rev,
    changedAtRev: record.changedAtRev,
    spec: record.spec,
    estimate: record.estimate,
    history: record.history,
    review: record.review,
  };
}

function fromStoredV2(stored: StoredPlanningRecordV2): PlanningRecord {
  return { rev: stored.rev, changedAtRev: stored.changedAtRev, spec: stored.spec, estimate: stored.estimate, history: stored.history, review: stored.review };
}

/**
 * Turns a stored property value (or its absence) into a current record.
 *
 * @example
 * readStoredRecord(undefined) // => { ok: true, record: emptyPlanningRecord() }
 * readStoredRecord({ schemaVersion: 99 }) // => { ok: false, reason: 'written by a newer version ...' }
 */
export function readStoredRecord(stored: unknown): ReadResult {
  if (stored === undefined || stored === null) return { ok: true, record: emptyPlanningRecord() };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { ok: false, reason: 'the stored planning record is not a JSON object' };
  let value = stored as Record<string, unknown>;
  let version = typeof value.schemaVersion === 'number' ? value.schemaVersion : NaN;
  if (!Number.isInteger(version)) return { ok: false, reason: 'the stored planning record has no schemaVersion' };
  if (version > PLANNING_RECORD_SCHEMA_VERSION) {
    return { ok: false, reason: `the planning record was written by a newer version of the app (schema ${version}); update the app before editing it` };
  }
  while (version < PLANNING_RECORD_SCHEMA_VERSION) {
    const migration = MIGRATIONS[version];
    if (!migration) return { ok: false, reason: `no migration from planning record schema ${version}` };
    const older = migration.shape.safeParse(value);
    if (!older.success) return damaged(older.error);
    value = migration.up(older.data);
    version += 1;
  }
  const parsed = storedRecordV2.safeParse(value);
  if (!parsed.success) return damaged(parsed.error);
  return { ok: true, record: fromStoredV2(parsed.data) };
}
