import { partsOf, type Criterion } from '../criterion';

/** The lowest fist-of-five confidence a ready estimate has. */
export const MIN_CONFIDENCE = 3;

/**
 * An estimate with confidence >= 3 that agrees with the bottom-up points of the story-level work items: half the points for
 * the confidence, half for the agreement.
 */
export const estimateAgrees: Criterion = {
  id: 'estimate',
  title: 'Estimate agreed',
  feature: null,
  evaluate: ({ summary, facts }) => {
    const confidence = summary.estimateConfidence;
    if (confidence === undefined || facts.estimate === 'NONE') return { share: partsOf(0, 2), reason: 'There is no estimate.', nextStep: 'Estimate the item (T-shirt size or points) with your confidence.' };
    const confident = confidence >= MIN_CONFIDENCE;
    const agrees = facts.estimate === 'AGREES';
    const confidenceText = `Confidence is ${confidence}/5${confident ? '' : ` (below ${MIN_CONFIDENCE})`}`;
    const agreementText = {
      AGREES: 'the estimate agrees with the story points of the work items below',
      DIVERGES: 'the estimate diverges from the story points of the work items below',
      NO_BOTTOM_UP: 'no work item below has story points to compare the estimate with',
    }[facts.estimate];
    const share = partsOf((confident ? 1 : 0) + (agrees ? 1 : 0), 2);
    const reason = `${confidenceText}; ${agreementText}.`;
    if (confident && agrees) return { share, reason, nextStep: null };
    const steps = [confident ? null : 'Resolve the assumptions that keep confidence low', agrees ? null : facts.estimate === 'DIVERGES' ? 'reconcile the estimate with the work items below' : 'give story points to the work items below'];
    const nextStep = steps.filter((s): s is string => s !== null).join(', and ');
    return { share, reason, nextStep: `${nextStep.charAt(0).toUpperCase()}${nextStep.slice(1)}.` };
  },
};
