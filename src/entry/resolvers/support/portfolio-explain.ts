import type { Request } from '@forge/resolver';
import { getReadiness } from '../../../application/readiness/get-readiness';
import { asUserDeps } from '../../../composition';
import { portfolioExplainPayloadSchema } from '../../../shared/payloads/portfolio';
import { toReadinessViewDto } from '../readiness';
import { parsePayload, respond } from './envelope';

/**
 * `portfolio.explain`, on the project page and the global page alike: an expanded row's readiness in words,
 * the issue panel's own use case, read as the user (an issue they cannot browse is "not found"). One call
 * when a user expands a row, so the table's 5,000 rows carry points only, never the sentences.
 */
export const explainRow = ({ payload }: Request) =>
  respond('portfolio.explain', async () => toReadinessViewDto(await getReadiness(asUserDeps(), parsePayload(portfolioExplainPayloadSchema, payload).issueKey)));
