import { z } from 'zod';
import { HISTORY_LIMIT, SPEC_SECTION_KEYS, TSHIRT_SIZES, emptyPlanningRecord, type PlanningRecord } from '../../../domain/planning-record/model';

/**
 * The planning record's stored format (the JSON in the `planning-readiness` issue property): the shape of
 * each schema version, migration to the current one, and the mapping to and from the domain model.
 * A record that does not parse, or that a newer app version wrote, is reported, never overwritten.
 */
export const PLANNING_RECORD_SCHEMA_VERSION = 1;

const person = z.object({ accountId: z.string().min(1), displayName: z.string() });
const estimateValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tshirt'), size: z.enum(TSHIRT_SIZES) }),
  z.object({ kind: z.literal('points'), low: z.number().nonnegative(), high: z.number().nonnegative() }),
]);

export const storedRecordV1 = z.object({
  schemaVersion: z.literal(1),
  rev: z.number().int().nonnegative(),
  changedAtRev: z.record(z.string(), z.number().int().nonnegative()),
  spec: z.object({
    sections: z.partialRecord(z.enum(SPEC_SECTION_KEYS), z.string()),
    links: z.array(z.object({ id: z.string(), url: z.string(), title: z.string() })),
    status: z.enum(['DRAFT', 'IN_REVIEW', 'APPROVED']),
    approval: z.object({ by: person, at: z.string() }).nullable(),
    author: person.nullable(),
    lastEditor: person.nullable(),
    lastEditedAt: z.string().nullable(),
  }),
  estimate: z
    .object({ value: estimateValue, confidence: z.number().int().min(1).max(5), assumptions: z.string(), by: person, at: z.string() })
    .nullable(),
  history: z.array(z.object({ rev: z.number().int(), at: z.string(), by: person, what: z.string() })).max(HISTORY_LIMIT),
});

/** Upgrades from each older version to the next; empty while version 1 is the only one that was stored. */
const MIGRATIONS: Record<number, (older: Record<string, unknown>) => Record<string, unknown>> = {};

export type StoredPlanningRecordV1 = z.infer<typeof storedRecordV1>;

export type ReadResult = { ok: true; record: PlanningRecord } | { ok: false; reason: string };

/** The stored JSON of a domain record (the current schema version). */
export function toStoredRecord(record: PlanningRecord): StoredPlanningRecordV1 {
  return {
    schemaVersion: PLANNING_RECORD_SCHEMA_VERSION,
    rev: record.rev,
    changedAtRev: record.changedAtRev,
    spec: record.spec,
    estimate: record.estimate,
    history: record.history,
  };
}

function fromStoredV1(stored: StoredPlanningRecordV1): PlanningRecord {
  return { rev: stored.rev, changedAtRev: stored.changedAtRev, spec: stored.spec, estimate: stored.estimate, history: stored.history };
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
    const migrate = MIGRATIONS[version];
    if (!migrate) return { ok: false, reason: `no migration from planning record schema ${version}` };
    value = migrate(value);
    version += 1;
  }
  const parsed = storedRecordV1.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `the stored planning record is damaged (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, record: fromStoredV1(parsed.data) };
}
