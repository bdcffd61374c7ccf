import { partsOf, type Criterion } from '../criterion';

const features = (n: number): string => `${n} ${n === 1 ? 'feature' : 'features'}`;

/**
 * An epic is ready for PI planning only when its features are: it earns its points in proportion to the
 * share of its features READY, a feature AT_RISK counting half (by each feature's own stored readiness; one
 * not scored yet is not ready). Absent for features, and for an epic without features (or whose summary was
 * written before the children's readiness was kept).
 */
export const featuresReady: Criterion = {
  id: 'features',
  title: 'Features ready',
  feature: null,
  appliesTo: ({ facts, kind }) => kind === 'EPIC' && (facts.childFeatures ?? 0) > 0,
  evaluate: ({ facts }) => {
    const total = facts.childFeatures ?? 0;
    const ready = facts.childrenReady ?? 0;
    const atRisk = facts.childrenAtRisk ?? 0;
    const share = partsOf(2 * ready + atRisk, 2 * total);
    if (ready === total) return { share, reason: total === 1 ? 'Its feature is ready.' : `All ${total} features are ready.`, nextStep: null };
    const notReady = total - ready;
    const detail = atRisk === 0 ? '' : atRisk === notReady ? ` (${atRisk === 1 ? 'it is' : 'all'} at risk)` : ` (${atRisk} at risk)`;
    return {
      share,
      reason: `${notReady} of ${features(total)} ${notReady === 1 ? 'is' : 'are'} not ready${detail}.`,
      nextStep: 'Get the features ready: open each one’s Readiness tab for its next steps.',
    };
  },
};
