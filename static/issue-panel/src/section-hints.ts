import type { SpecSectionKey } from '../../../src/shared/contract/planning';

/** What belongs in each spec section: the one line an empty section shows instead of a blank box. */
export const SECTION_HINTS: Record<SpecSectionKey, string> = {
  context: 'The problem, who has it, and what it costs today.',
  approach: 'How it will be built: the architecture, the main flows, the options set aside.',
  components: 'The services, APIs and data this touches, and the interfaces that change.',
  nfrs: 'Targets for performance, availability, security and compliance, with numbers.',
  acceptance: 'How the team will know it is done: testable criteria, as a list or task list.',
  openQuestions: 'What is still undecided, who answers it, and by when.',
  enablers: 'Spikes, infrastructure or other teams’ work needed before the stories can start.',
};
