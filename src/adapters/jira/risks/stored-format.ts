import { z } from 'zod';
import type { RegisterRead } from '../../../application/risks/ports';
import { emptyRiskRegister, HISTORY_LIMIT, RISK_CATEGORIES, type RiskRegister } from '../../../domain/risks/model';

/**
 * The risk register's stored format (the JSON in the `planning-readiness-risks` issue property): the shape of
 * each schema version, migration to the current one, and the mapping to and from the domain model. A register
 * that does not parse, or that a newer app version wrote, is reported, never overwritten.
 */
export const RISK_REGISTER_SCHEMA_VERSION = 1;

const person = z.object({ accountId: z.string().min(1), displayName: z.string() }).strict();
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const rating = z.object({ likelihood: level, impact: level }).strict();
const stamp = { by: person, at: z.string() };

const roam = z.discriminatedUnion('state', [
  z.object({ state: z.literal('UNROAMED') }).strict(),
  z.object({ state: z.literal('RESOLVED'), note: z.string(), ...stamp }).strict(),
  z.object({ state: z.literal('OWNED'), owner: person, ...stamp }).strict(),
  z.object({ state: z.literal('ACCEPTED'), rationale: z.string(), ...stamp }).strict(),
  z.object({ state: z.literal('MITIGATED'), plan: z.string(), residual: rating, ...stamp }).strict(),
]);

const storedRisk = z
  .object({
    id: z.string().min(1).max(64),
    title: z.string(),
    description: z.string(),
    category: z.enum(RISK_CATEGORIES),
    rating,
    roam,
    dueDate: z.string().nullable(),
    source: z.object({ kind: z.literal('dependency'), dependencyId: z.string().min(1) }).strict().nullable(),
    closeProposed: z.object({ at: z.string(), reason: z.string() }).strict().nullable(),
    created: z.object(stamp).strict(),
    updated: z.object(stamp).strict(),
    changedAtRev: z.number().int().nonnegative(),
  })
  .strict();

export const storedRegisterV1 = z
  .object({
    schemaVersion: z.literal(1),
    rev: z.number().int().nonnegative(),
    risks: z.array(storedRisk),
    raisedForDependencies: z.array(z.string()),
    history: z.array(z.object({ rev: z.number().int(), at: z.string(), by: person, riskId: z.string(), what: z.string() }).strict()).max(HISTORY_LIMIT),
  })
  .strict();

export type StoredRiskRegisterV1 = z.infer<typeof storedRegisterV1>;

export function toStoredRegister(register: RiskRegister): StoredRiskRegisterV1 {
  return { schemaVersion: RISK_REGISTER_SCHEMA_VERSION, ...register };
}

/**
 * Turns a stored property value (or its absence) into a register.
 *
 * @example
 * readStoredRegister(undefined) // => { ok: true, register: emptyRiskRegister() }
 * readStoredRegister({ schemaVersion: 9 }) // => { ok: false, reason: 'the risk register was written by a newer version ...' }
 */
export function readStoredRegister(stored: unknown): RegisterRead {
  if (stored === undefined || stored === null) return { ok: true, register: emptyRiskRegister() };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { ok: false, reason: 'the stored risk register is not a JSON object' };
  const version = (stored as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number') return { ok: false, reason: 'the stored risk register has no schemaVersion' };
  if (version > RISK_REGISTER_SCHEMA_VERSION) return { ok: false, reason: `the risk register was written by a newer version of the app (schema ${version}); update the app before editing it` };
  const parsed = storedRegisterV1.safeParse(stored);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `the stored risk register is damaged (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` };
  }
  const { schemaVersion: _v, ...register } = parsed.data;
  return { ok: true, register };
}
