import { mergeFacts, type ItemSummary, type PlanningFacts } from '../../src/domain/item-summary/item-summary';
import { featuresReady } from '../../src/domain/readiness/criteria/features-ready';
import type { CriterionInput } from '../../src/domain/readiness/criterion';
import { scoreReadiness } from '../../src/domain/readiness/score';
import { DEFAULT_READINESS_SETTINGS } from '../../src/domain/readiness/settings';

// An epic (level 2) with everything else met: approved spec, NFRs, an agreeing estimate, a tech lead.
const epicFacts: PlanningFacts = { project: 'PAY', typeId: '10000', level: 2, nfrs: 1, acceptance: 1, estimate: 'AGREES', children: 3, stories: 9, estimatedStories: 9, techLead: 1 };
const summary: ItemSummary = { ...mergeFacts(null, { planning: { rev: 3, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 } }), planningFacts: epicFacts };
const withChildren = (childFeatures: number, childrenReady: number, childrenAtRisk: number): PlanningFacts => ({ ...epicFacts, childFeatures, childrenReady, childrenAtRisk });
const input = (facts: PlanningFacts, kind: CriterionInput['kind'] = 'EPIC'): CriterionInput => ({ summary, facts, kind });
const score = (facts: PlanningFacts) => scoreReadiness({ summary: { ...summary, planningFacts: facts }, facts, settings: DEFAULT_READINESS_SETTINGS, landed: ['dependencies', 'risks', 'impediments'] });

describe('features ready (an epic is ready only when its features are)', () => {
  it('earns the share of features READY, a feature AT_RISK counting half', () => {
    expect(featuresReady.evaluate(input(withChildren(3, 3, 0))).share).toEqual({ num: 6, den: 6 });
    expect(featuresReady.evaluate(input(withChildren(3, 0, 1))).share).toEqual({ num: 1, den: 6 });
    expect(featuresReady.evaluate(input(withChildren(4, 1, 2))).share).toEqual({ num: 4, den: 8 });
  });

  it('says how many features are not ready, and what to do', () => {
    expect(featuresReady.evaluate(input(withChildren(3, 0, 1)))).toEqual({ share: { num: 1, den: 6 }, reason: '3 of 3 features are not ready (1 at risk).', nextStep: 'Get the features ready: open each one’s Readiness tab for its next steps.' });
    expect(featuresReady.evaluate(input(withChildren(3, 1, 0))).reason).toBe('2 of 3 features are not ready.');
    expect(featuresReady.evaluate(input(withChildren(2, 1, 1))).reason).toBe('1 of 2 features is not ready (it is at risk).');
    expect(featuresReady.evaluate(input(withChildren(1, 1, 0)))).toMatchObject({ reason: 'Its feature is ready.', nextStep: null });
  });

  it('is absent for a feature, for an epic without features, and for facts gathered before children were counted', () => {
    expect(featuresReady.appliesTo?.(input(withChildren(3, 0, 0), 'FEATURE'))).toBe(false);
    expect(featuresReady.appliesTo?.(input(withChildren(0, 0, 0)))).toBe(false);
    expect(featuresReady.appliesTo?.(input(epicFacts))).toBe(false);
    expect(score(withChildren(0, 0, 0)).criteria.map((c) => c.criterion)).not.toContain('features');
    expect(score(epicFacts)).toMatchObject({ score: 100, state: 'READY' });
  });

  it('keeps an epic whose features are not ready out of READY (the user test: PAY-1 read 92 over features at 47, 47 and 77)', () => {
    const none = score(withChildren(3, 0, 0));
    expect(none.state).not.toBe('READY');
    expect(none.criteria.find((c) => c.criterion === 'features')).toMatchObject({ weight: 23, earned: 0 });
    // PAY-1 lost 8 points elsewhere (a low-confidence estimate earns half of its 15).
    const lowConfidence = { ...summary, estimateConfidence: 2 };
    const pay1 = (facts: PlanningFacts) => scoreReadiness({ summary: { ...lowConfidence, planningFacts: facts }, facts, settings: DEFAULT_READINESS_SETTINGS, landed: ['dependencies', 'risks', 'impediments'] });
    expect(pay1(epicFacts)).toMatchObject({ score: 92, state: 'READY' });
    const rolledUp = pay1(withChildren(3, 0, 1));
    expect(rolledUp.state).toBe('AT_RISK');
    expect(rolledUp.score).toBeLessThan(80);
    expect(rolledUp.criteria.find((c) => c.criterion === 'features')).toMatchObject({ earned: 3, reason: '3 of 3 features are not ready (1 at risk).' });
    expect(pay1(withChildren(3, 3, 0)).state).toBe('READY');
  });
});
