import { FULL, NONE, type Criterion } from '../criterion';

const RATING = ['none', 'low', 'medium', 'high', 'critical'] as const;

/**
 * No unROAMed risk rated High or above, and no Critical risk neither Mitigated nor Resolved: the risks feature
 * counts exactly those as `blocking`.
 */
export const risksHandled: Criterion = {
  id: 'risks',
  title: 'Risks ROAMed',
  feature: 'risks',
  evaluate: ({ summary: { risks: r } }) => {
    if (r.blocking === 0) return { share: FULL, reason: r.level === 0 ? 'No open risks.' : `No blocking risk (highest open rating: ${RATING[r.level]}).`, nextStep: null };
    return {
      share: NONE,
      reason: `${r.blocking} ${r.blocking === 1 ? 'risk blocks' : 'risks block'} readiness (highest open rating: ${RATING[r.level]}).`,
      nextStep: 'ROAM the high risks, and mitigate or resolve the critical ones.',
    };
  },
};
