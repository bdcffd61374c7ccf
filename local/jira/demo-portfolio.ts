import { DEMO_USERS } from './seed-users';

/**
 * The demo's committed plan, played through the app's resolvers after the planning records: the lead
 * commits the plan of each project (the project page's "Commit the plan"), then work moves on, so the
 * page shows drift since the baseline: PAY-17's estimate is re-done with more confidence.
 */
export interface DemoPortfolioCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  context: { issueKey?: string; projectKey?: string };
  actorEmail: string;
}

const WHOLE = { release: null, issueTypes: [], statuses: [], teams: [], jql: null };
const commit = (projectKey: string): DemoPortfolioCall => ({ moduleKey: 'planning-readiness-page', functionKey: 'portfolio.commit', payload: { scope: WHOLE }, context: { projectKey }, actorEmail: DEMO_USERS.lead.email });

/** The calls, in order, each as the user named. */
export function demoPortfolioCalls(): DemoPortfolioCall[] {
  return [
    commit('PAY'),
    commit('DATA'),
    {
      moduleKey: 'planning-panel',
      functionKey: 'planning.update',
      // PAY-17's record is at rev 2 after the planning script (a context, a T-shirt estimate).
      payload: { baseRev: 2, operation: { type: 'estimate.set', value: { kind: 'tshirt', size: 'XL' }, confidence: 4, assumptions: 'Passkeys confirmed on 85% of devices in the pilot.' } },
      context: { issueKey: 'PAY-17' },
      actorEmail: DEMO_USERS.lead.email,
    },
  ];
}
