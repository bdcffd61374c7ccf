import { partsOf, type Criterion } from '../criterion';

/** The share of stories that must have story points. */
export const MIN_ESTIMATED_PCT = 80;

/**
 * Decomposed: an epic has features or stories, a feature has stories (half the points), and at least 80% of
 * the stories below it are estimated (the other half).
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
        : { share, reason: 'The feature has no stories yet.', nextStep: 'Break the feature down into stories.' };
    }
    const counted = `${facts.estimatedStories} of ${facts.stories} ${facts.stories === 1 ? 'story' : 'stories'} estimated (${pct}%)`;
    if (estimated) return { share, reason: `Broken down; ${counted}.`, nextStep: null };
    if (facts.stories === 0) return { share, reason: 'Broken down into features, but there are no stories below them yet.', nextStep: 'Break the features down into stories and estimate them.' };
    return { share, reason: `Broken down, but only ${counted}.`, nextStep: `Estimate stories until at least ${MIN_ESTIMATED_PCT}% have points.` };
  },
};
