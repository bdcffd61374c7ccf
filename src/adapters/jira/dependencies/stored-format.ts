import { z } from 'zod';
import { DEPENDENCY_LIMITS, DEPENDENCY_STATUSES, type DependencyRecord } from '../../../domain/dependencies/model';

/**
 * The stored format of an issue's dependencies (the `planning-readiness-dependencies` issue property on the
 * dependent): commitment data keyed by Jira issue-link id, team and external dependencies, and the history.
 * A value that does not parse, or that a newer app version wrote, is reported, never overwritten.
 *
 * Version 2 adds each dependency's `changedAtRev` (edit conflicts); a version 1 value reads as a record
 * whose dependencies have none (each counts as changed at revision 0), and is written back as version 2.
 */
export const DEPENDENCY_RECORD_SCHEMA_VERSION = 2;

const person = z.object({ accountId: z.string().min(1), displayName: z.string() });
const milestone = z.object({ date: z.string(), release: z.string().nullable() });
const commitment = z.object({
  description: z.string(),
  neededBy: milestone.nullable(),
  committedBy: milestone.nullable(),
  owner: person.nullable(),
  status: z.enum(DEPENDENCY_STATUSES),
  declineReason: z.string().nullable(),
  decidedBy: z.object({ by: person, at: z.string() }).nullable(),
  changedAtRev: z.number().int().nonnegative().optional(),
});
const target = z.discriminatedUnion('kind', [z.object({ kind: z.literal('team'), team: z.string() }), z.object({ kind: z.literal('external'), party: z.string() })]);

/** Versions 1 and 2 differ only in the optional `changedAtRev`, so one schema reads both. */
export const storedDependencies = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  rev: z.number().int().nonnegative(),
  links: z.record(z.string().regex(/^[0-9]{1,18}$/), commitment),
  others: z.array(commitment.extend({ id: z.string().min(1).max(64), target })).max(DEPENDENCY_LIMITS.others),
  history: z.array(z.object({ rev: z.number().int(), at: z.string(), by: person, dependencyId: z.string(), what: z.string() })),
});

export type StoredDependencies = z.infer<typeof storedDependencies>;
export type DependencyRecordRead = { ok: true; record: DependencyRecord } | { ok: false; reason: string };

export function toStoredDependencies(record: DependencyRecord): StoredDependencies {
  return { schemaVersion: DEPENDENCY_RECORD_SCHEMA_VERSION, rev: record.rev, links: record.links, others: record.others, history: record.history };
}

/** A stored value (or its absence: the empty record) as the domain record. */
export function readStoredDependencies(raw: unknown): DependencyRecordRead {
  if (raw === undefined || raw === null) return { ok: true, record: { rev: 0, links: {}, others: [], history: [] } };
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > DEPENDENCY_RECORD_SCHEMA_VERSION) return { ok: false, reason: 'a newer version of the app wrote it' };
  const parsed = storedDependencies.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'it is not in a format the app can read' };
  const { schemaVersion: _v, ...record } = parsed.data;
  return { ok: true, record };
}
