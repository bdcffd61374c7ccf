import { z } from 'zod';
import { SEVERITIES, type ImpedimentRecord } from '../../../domain/impediments/model';
import { invalidInput } from '../../../application/shared/errors';

/**
 * The stored format of `planning-readiness-impediments` (schemaVersion 1). It is separate from the domain
 * model so the model can change without breaking stored records; a value that does not parse reads as no
 * impediments (anyone who may edit the issue can write the property).
 */
const storedImpediment = z.object({
  id: z.string().max(300),
  cause: z.enum(['FLAGGED', 'PRIORITY_HIGHEST', 'LABEL', 'BLOCKED_BY', 'ESCALATED']),
  source: z.object({ id: z.string(), key: z.string() }),
  detail: z.string().max(1000).nullable(),
  raisedBy: z.string().nullable(),
  raisedAt: z.iso.datetime(),
  owner: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(['OPEN', 'RESOLVED']),
  resolvedAt: z.iso.datetime().nullable(),
  nextStep: z.string().max(1000).nullable(),
  discussedAt: z.iso.datetime().nullable(),
  reEscalatedOn: z.string().nullable(),
});

export const storedImpedimentsSchema = z.object({ schemaVersion: z.literal(1), impediments: z.array(storedImpediment) });
export type StoredImpediments = z.infer<typeof storedImpedimentsSchema>;

/** Jira's limit for one issue property value. */
export const MAX_PROPERTY_BYTES = 32_768;

export function fromStored(raw: unknown): ImpedimentRecord {
  const parsed = storedImpedimentsSchema.safeParse(raw);
  return parsed.success ? { impediments: parsed.data.impediments } : { impediments: [] };
}

/** The value to store; a record over Jira's limit is refused with a clear error, never truncated. */
export function toStored(record: ImpedimentRecord): StoredImpediments {
  const stored: StoredImpediments = { schemaVersion: 1, impediments: record.impediments };
  const bytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');
  if (bytes > MAX_PROPERTY_BYTES) throw invalidInput(`The item's impediments would take ${bytes} bytes, over Jira's ${MAX_PROPERTY_BYTES}-byte limit: resolve some impediments first.`);
  return stored;
}
