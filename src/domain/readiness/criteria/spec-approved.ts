import { FULL, NONE, partsOf, type Criterion } from '../criterion';

/**
 * The technical spec is approved by an architect. A spec in review earns half: the work is written and
 * waiting for its decision. An approval the app cannot verify is already In review in the summary.
 */
export const specApproved: Criterion = {
  id: 'spec',
  title: 'Spec approved',
  feature: null,
  evaluate: ({ summary }) => {
    switch (summary.specStatus) {
      case 'APPROVED':
        return { share: FULL, reason: 'The spec is approved.', nextStep: null };
      case 'IN_REVIEW':
        return { share: partsOf(1, 2), reason: 'The spec is in review, not approved yet.', nextStep: 'Ask the architect to review and approve the spec.' };
      case 'DRAFT':
        return { share: NONE, reason: 'The spec is a draft.', nextStep: 'Finish the spec and send it for review.' };
      default:
        return { share: NONE, reason: 'The reviewer asked for changes to the spec.', nextStep: 'Address the review comments and send the spec for review again.' };
    }
  },
};
