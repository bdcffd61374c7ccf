import { FULL, NONE, type Criterion } from '../criterion';

/** A tech lead is named: in Jira today, the epic's or feature's assignee (ADR 0009). */
export const techLeadNamed: Criterion = {
  id: 'techLead',
  title: 'Tech lead named',
  feature: null,
  evaluate: ({ facts }) =>
    facts.techLead
      ? { share: FULL, reason: 'A tech lead is named (the assignee).', nextStep: null }
      : { share: NONE, reason: 'No tech lead is named: the issue has no assignee.', nextStep: 'Assign the issue to its tech lead.' },
};
