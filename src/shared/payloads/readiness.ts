import { z } from 'zod';
import type { CriterionIdDto } from '../contract/readiness';

const CRITERION_IDS: readonly CriterionIdDto[] = ['spec', 'nfrsAndAcceptance', 'estimate', 'decomposition', 'features', 'dependencies', 'risks', 'impediments', 'techLead'];
const criterion = z.object({ enabled: z.boolean(), weight: z.number() }).strict();

/** What the readiness settings section may send; the domain checks the values' rules after this. */
export const readinessSettingsPayloadSchema = z
  .object({
    criteria: z.object(Object.fromEntries(CRITERION_IDS.map((id) => [id, criterion])) as Record<CriterionIdDto, typeof criterion>).strict(),
    thresholds: z.object({ ready: z.number(), atRisk: z.number() }).strict(),
    epicTypeIds: z.array(z.string().max(32)).max(50),
    featureTypeIds: z.array(z.string().max(32)).max(50),
  })
  .strict();
