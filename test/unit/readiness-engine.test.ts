import fc from 'fast-check';
import { mergeFacts, type ItemSummary, type PlanningFacts } from '../../src/domain/item-summary/item-summary';
import { apportion } from '../../src/domain/readiness/apportion';
import { CRITERIA } from '../../src/domain/readiness/criteria';
import { CRITERION_IDS, type CriterionId, type CriterionInput, type FactFeature } from '../../src/domain/readiness/criterion';
import { itemKind } from '../../src/domain/readiness/item-kind';
import { scoreReadiness, stateFor, toReadinessSummary } from '../../src/domain/readiness/score';
import { DEFAULT_READINESS_SETTINGS, type ReadinessSettings } from '../../src/domain/readiness/settings';

const ALL: FactFeature[] = ['dependencies', 'risks', 'impediments'];

const readyFacts: PlanningFacts = { project: 'PAY', typeId: '10001', level: 1, nfrs: 1, acceptance: 1, estimate: 'AGREES', children: 4, stories: 4, estimatedStories: 4, techLead: 1 };
const readySummary: ItemSummary = { ...mergeFacts(null, { planning: { rev: 5, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 } }), planningFacts: readyFacts };

const input = (summary: Partial<ItemSummary> = {}, facts: Partial<PlanningFacts> = {}, kind: CriterionInput['kind'] = 'FEATURE'): CriterionInput => ({
  summary: { ...readySummary, ...summary },
  facts: { ...readyFacts, ...facts },
  kind,
});
const share = (id: CriterionId, i: CriterionInput): number => {
  const { num, den } = CRITERIA[id].evaluate(i).share;
  return num / den;
};

describe('each readiness criterion', () => {
  it('spec: approved earns all, in review half, a draft or changes requested nothing', () => {
    expect(share('spec', input())).toBe(1);
    expect(share('spec', input({ specStatus: 'IN_REVIEW' }))).toBe(0.5);
    expect(share('spec', input({ specStatus: 'DRAFT' }))).toBe(0);
    expect(share('spec', input({ specStatus: 'CHANGES_REQUESTED' as ItemSummary['specStatus'] }))).toBe(0);
    expect(CRITERIA.spec.evaluate(input({ specStatus: 'IN_REVIEW' })).nextStep).toMatch(/approve/);
  });

  it('NFRs and acceptance criteria: half each, and the reason names what is missing', () => {
    expect(share('nfrsAndAcceptance', input({}, { nfrs: 0 }))).toBe(0.5);
    expect(share('nfrsAndAcceptance', input({}, { nfrs: 0, acceptance: 0 }))).toBe(0);
    expect(CRITERIA.nfrsAndAcceptance.evaluate(input({}, { acceptance: 0 })).reason).toBe('The spec has no acceptance criteria.');
  });

  it('estimate: confidence >= 3 and agreement with the stories, half each', () => {
    expect(share('estimate', input())).toBe(1);
    expect(share('estimate', input({ estimateConfidence: 2 }))).toBe(0.5);
    expect(share('estimate', input({}, { estimate: 'DIVERGES' }))).toBe(0.5);
    expect(share('estimate', input({ estimateConfidence: 2 }, { estimate: 'NO_BOTTOM_UP' }))).toBe(0);
    const { estimateConfidence: _none, ...unestimated } = readySummary;
    expect(share('estimate', { ...input(), summary: unestimated })).toBe(0);
    expect(CRITERIA.estimate.evaluate(input({}, { estimate: 'DIVERGES' })).nextStep).toBe('Reconcile the estimate with the work items below.');
  });

  it('decomposed: an epic needs children, a feature stories, and 80% of the stories estimated', () => {
    expect(share('decomposition', input({}, { children: 2, stories: 0, estimatedStories: 0 }, 'EPIC'))).toBe(0.5);
    expect(share('decomposition', input({}, { children: 2, stories: 0, estimatedStories: 0 }, 'FEATURE'))).toBe(0);
    expect(share('decomposition', input({}, { stories: 5, estimatedStories: 4 }))).toBe(1);
    expect(share('decomposition', input({}, { stories: 5, estimatedStories: 3 }))).toBe(0.5);
    expect(CRITERIA.decomposition.evaluate(input({}, { stories: 5, estimatedStories: 3 })).reason).toBe('Broken down, but only 3 of 5 story-level work items estimated (60%).');
  });

  it('dependencies: committed, none late, no cycle, a third each', () => {
    const deps = (d: Partial<ItemSummary['dependencies']>) => input({ dependencies: { open: 2, late: 0, cycle: 0, uncommitted: 0, ...d } });
    expect(share('dependencies', deps({}))).toBe(1);
    expect(share('dependencies', deps({ uncommitted: 1 }))).toBeCloseTo(2 / 3);
    expect(share('dependencies', deps({ uncommitted: 1, late: 1, cycle: 1 }))).toBe(0);
    expect(CRITERIA.dependencies.evaluate(deps({ late: 2 })).reason).toBe('2 dependencies are late.');
  });

  it('risks: any blocking risk takes all the points; impediments: any open one does', () => {
    expect(share('risks', input({ risks: { level: 2, unroamed: 1, blocking: 0 } }))).toBe(1);
    expect(share('risks', input({ risks: { level: 4, unroamed: 0, blocking: 1 } }))).toBe(0);
    expect(CRITERIA.risks.evaluate(input({ risks: { level: 4, unroamed: 0, blocking: 1 } })).reason).toContain('critical');
    expect(share('impediments', input({ impediments: { open: 1 } }))).toBe(0);
    expect(share('impediments', input())).toBe(1);
  });

  it('tech lead: the assignee', () => {
    expect(share('techLead', input())).toBe(1);
    expect(CRITERIA.techLead.evaluate(input({}, { techLead: 0 }))).toMatchObject({ share: { num: 0 }, nextStep: 'Assign the issue to its tech lead.' });
  });
});

describe('the readiness score', () => {
  it('is 100 and READY when every criterion is met, with one reason per criterion (features ready: epics only)', () => {
    const r = scoreReadiness({ summary: readySummary, facts: readyFacts, settings: DEFAULT_READINESS_SETTINGS, landed: ALL });
    expect(r.score).toBe(100);
    expect(r.state).toBe('READY');
    expect(r.criteria.map((c) => c.criterion)).toEqual(CRITERION_IDS.filter((id) => id !== 'features'));
    expect(r.criteria.every((c) => c.earned === c.weight && c.nextStep === null)).toBe(true);
  });

  it('leaves out the criteria of features that have not landed, and spreads 100 points over the rest', () => {
    const r = scoreReadiness({ summary: readySummary, facts: readyFacts, settings: DEFAULT_READINESS_SETTINGS, landed: [] });
    expect(r.criteria.map((c) => c.criterion)).toEqual(['spec', 'nfrsAndAcceptance', 'estimate', 'decomposition', 'techLead']);
    // 20:10:15:15:10 of 70 points, by largest remainder (a tie goes to the earlier criterion).
    expect(r.criteria.map((c) => c.weight)).toEqual([29, 14, 22, 21, 14]);
    expect(r.score).toBe(100);
  });

  it('follows the weights and leaves out criteria turned off', () => {
    const settings: ReadinessSettings = {
      ...DEFAULT_READINESS_SETTINGS,
      criteria: { ...DEFAULT_READINESS_SETTINGS.criteria, spec: { enabled: true, weight: 60 }, techLead: { enabled: false, weight: 10 } },
    };
    const r = scoreReadiness({ summary: { ...readySummary, specStatus: 'DRAFT' }, facts: readyFacts, settings, landed: ALL });
    expect(r.criteria.find((c) => c.criterion === 'spec')).toMatchObject({ weight: 46, earned: 0 });
    expect(r.criteria.some((c) => c.criterion === 'techLead')).toBe(false);
    expect(r.score).toBe(54);
    expect(r.state).toBe('AT_RISK');
  });

  it('turns the score into a state by the thresholds', () => {
    const t = { ready: 80, atRisk: 50 };
    expect([stateFor(80, t), stateFor(79, t), stateFor(50, t), stateFor(49, t)]).toEqual(['READY', 'AT_RISK', 'AT_RISK', 'NOT_READY']);
    expect(stateFor(60, { ready: 60, atRisk: 60 })).toBe('READY');
  });

  it('counts an epic with features but no stories as broken down by the hierarchy level', () => {
    const facts = { ...readyFacts, level: 2, stories: 0, estimatedStories: 0 };
    expect(itemKind(facts, DEFAULT_READINESS_SETTINGS)).toBe('EPIC');
    expect(itemKind(facts, { epicTypeIds: [], featureTypeIds: ['10001'] })).toBe('FEATURE');
    const r = scoreReadiness({ summary: readySummary, facts, settings: DEFAULT_READINESS_SETTINGS, landed: ALL });
    expect(r.criteria.find((c) => c.criterion === 'decomposition')).toMatchObject({ weight: 15, earned: 7 });
  });

  it('stores the criterion, its points out of 100 and what it earned', () => {
    const r = scoreReadiness({ summary: { ...readySummary, specStatus: 'IN_REVIEW' }, facts: readyFacts, settings: DEFAULT_READINESS_SETTINGS, landed: ALL });
    expect(toReadinessSummary(r)).toEqual({ score: 90, state: 'READY', reasons: expect.arrayContaining([{ criterion: 'spec', weight: 20, earned: 10 }]) });
  });
});

const summaryArb: fc.Arbitrary<{ summary: ItemSummary; facts: PlanningFacts }> = fc
  .record({
    specStatus: fc.constantFrom('DRAFT', 'IN_REVIEW', 'APPROVED'),
    confidence: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    nfrs: fc.constantFrom(0 as const, 1 as const),
    acceptance: fc.constantFrom(0 as const, 1 as const),
    estimate: fc.constantFrom<PlanningFacts['estimate'][]>('NONE', 'AGREES', 'DIVERGES', 'NO_BOTTOM_UP'),
    children: fc.nat(20),
    stories: fc.nat(50),
    estimatedPart: fc.double({ min: 0, max: 1, noNaN: true }),
    level: fc.integer({ min: 1, max: 3 }),
    techLead: fc.constantFrom(0 as const, 1 as const),
    deps: fc.record({ open: fc.nat(5), late: fc.nat(3), cycle: fc.constantFrom(0 as const, 1 as const), uncommitted: fc.nat(3) }),
    risks: fc.record({ level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const), unroamed: fc.nat(3), blocking: fc.nat(2) }),
    impediments: fc.nat(3),
  })
  .map((g) => {
    const facts: PlanningFacts = { project: 'PAY', typeId: '1', level: g.level, nfrs: g.nfrs, acceptance: g.acceptance, estimate: g.estimate, children: g.children, stories: g.stories, estimatedStories: Math.floor(g.stories * g.estimatedPart), techLead: g.techLead };
    const summary = mergeFacts(null, {
      planning: { rev: 1, specStatus: g.specStatus, changedOutsideApp: 0, ...(g.confidence ? { estimateConfidence: g.confidence } : {}) },
      dependencies: g.deps,
      risks: g.risks,
      impediments: { open: g.impediments },
    });
    return { summary: { ...summary, planningFacts: facts }, facts };
  });

const settingsArb: fc.Arbitrary<ReadinessSettings> = fc
  .record({
    weights: fc.array(fc.record({ enabled: fc.boolean(), weight: fc.integer({ min: 0, max: 100 }) }), { minLength: CRITERION_IDS.length, maxLength: CRITERION_IDS.length }),
    a: fc.integer({ min: 0, max: 100 }),
    b: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ weights, a, b }) => ({
    ...DEFAULT_READINESS_SETTINGS,
    criteria: Object.fromEntries(CRITERION_IDS.map((id, i) => [id, weights[i]!])) as ReadinessSettings['criteria'],
    thresholds: { ready: Math.max(a, b), atRisk: Math.min(a, b) },
  }));

describe('the readiness score, for any facts and settings (property-based)', () => {
  it('is the sum of the earned points, each within its weight, the weights adding up to 100', () => {
    fc.assert(
      fc.property(summaryArb, settingsArb, fc.subarray(ALL), ({ summary, facts }, settings, landed) => {
        const r = scoreReadiness({ summary, facts, settings, landed });
        expect(r.score).toBe(r.criteria.reduce((s, c) => s + c.earned, 0));
        expect(r.criteria.every((c) => Number.isInteger(c.earned) && c.earned >= 0 && c.earned <= c.weight)).toBe(true);
        const weights = r.criteria.reduce((s, c) => s + c.weight, 0);
        expect(weights).toBe(r.criteria.length === 0 ? 0 : 100);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.state).toBe(stateFor(r.score, settings.thresholds));
        // Deterministic: the same input gives the same output.
        expect(scoreReadiness({ summary: structuredClone(summary), facts: structuredClone(facts), settings, landed: [...landed] })).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('apportions any total exactly, never giving a weight more than its quota rounded up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (weights) => {
        const parts = apportion(100, weights);
        const sum = weights.reduce((a, w) => a + w, 0);
        expect(parts.reduce((a, p) => a + p, 0)).toBe(sum === 0 ? 0 : 100);
        parts.forEach((p, i) => {
          if (sum > 0) expect(Math.abs(p - (100 * weights[i]!) / sum)).toBeLessThan(1);
        });
      }),
    );
  });
});
