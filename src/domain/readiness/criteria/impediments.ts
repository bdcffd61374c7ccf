import { FULL, NONE, type Criterion } from '../criterion';

/** No open escalated impediment. */
export const noOpenImpediments: Criterion = {
  id: 'impediments',
  title: 'No open impediments',
  feature: 'impediments',
  evaluate: ({ summary: { impediments: i } }) =>
    i.open === 0
      ? { share: FULL, reason: 'No open escalated impediment.', nextStep: null }
      : { share: NONE, reason: `${i.open} escalated ${i.open === 1 ? 'impediment is' : 'impediments are'} open.`, nextStep: 'Resolve the escalated impediments with their owners.' },
};
