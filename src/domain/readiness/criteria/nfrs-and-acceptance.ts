import { partsOf, type Criterion } from '../criterion';

/** The spec's non-functional requirements and acceptance criteria are written: half the points each. */
export const nfrsAndAcceptance: Criterion = {
  id: 'nfrsAndAcceptance',
  title: 'NFRs and acceptance criteria',
  feature: null,
  evaluate: ({ facts }) => {
    const missing = [facts.nfrs ? null : 'non-functional requirements', facts.acceptance ? null : 'acceptance criteria'].filter((m): m is string => m !== null);
    if (missing.length === 0) return { share: partsOf(1, 1), reason: 'NFRs and acceptance criteria are written.', nextStep: null };
    const list = missing.join(' and ');
    return { share: partsOf(2 - missing.length, 2), reason: `The spec has no ${list}.`, nextStep: `Write the ${list} in the spec.` };
  },
};
