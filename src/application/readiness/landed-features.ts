import type { FactFeature } from '../../domain/readiness/criterion';

/**
 * The features besides planning that publish their section of the item summary. A criterion scoring a
 * feature that is not listed here is absent from readiness, not scored on the zero counts the summary holds
 * for it (ADR 0009). Add a feature here in the change that makes it publish its facts.
 */
export const LANDED_FEATURES: readonly FactFeature[] = ['risks', 'dependencies', 'impediments'];
