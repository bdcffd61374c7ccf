import { partsOf, type Criterion } from '../criterion';

/** The share of story-level work items (stories, bugs, tasks: hierarchy level 0) that must have story points. */
export const MIN_ESTIMATED_PCT = 80;

/**
 * Decomposed: an epic has features or stories, a feature has stories (half the points), and at least 80% of
 * the story-level work items below it are estimated (the other half). The reasons say "work items", as the
 * Decomposition tab does: a Bug or Task below a feature counts, and calling it a story misleads.
 */
export const decomposed: Criterion = {
  id: 'decomposition',
  title: 'Decomposed',
  feature: null,
  evaluate: ({ facts, kind }) => {
    const broken = kind === 'EPIC' ? facts.children > 0 : facts.stories > 0;
    const pct = facts.stories === 0 ? 0 : Math.floor((facts.estimatedStories * 100) / facts.stories);
    const estimated = facts.stories > 0 && pct >= MIN_ESTIMATED_PCT;
    const share = partsOf((broken ? 1 : 0) + (estimated ? 1 : 0), 2);
    if (!broken) {
      return kind === 'EPIC'
        ? { share, reason: 'The epic has no features or stories yet.', nextStep: 'Break the epic down into features or stories.' }
        : { share, reason: 'The feature has no stories or other work items below it yet.', nextStep: 'Break the feature down into stories.' };
    }
    const counted = `${facts.estimatedStories} of ${facts.stories} story-level work ${facts.stories === 1 ? 'item' : 'items'} estimated (${pct}%)`;
    if (estimated) return { share, reason: `Broken down; ${counted}.`, nextStep: null };
    if (facts.stories === 0) return { share, reason: 'Broken down into features, but there are no stories or other work items below them yet.', nextStep: 'Break the features down into stories and estimate them.' };
    return { share, reason: `Broken down, but only ${counted}.`, nextStep: `Give story points to the work items below until at least ${MIN_ESTIMATED_PCT}% have them.` };
  },
};
