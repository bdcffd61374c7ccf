import { sha256 } from '../../../src/adapters/crypto/sha256';
import { effectiveRegister, riskLedgerFor, verifyRegister } from '../../../src/domain/risks/authority';
import { riskCounts } from '../../../src/domain/risks/counts';
import { risksForDependencies, type DependencySignal } from '../../../src/domain/risks/dependency-risks';
import { dueDateProblem } from '../../../src/domain/risks/field-rules';
import { emptyRiskRegister, HISTORY_FLOOR, HISTORY_LIMIT, type RiskRegister } from '../../../src/domain/risks/model';
import { applyRiskOperation, type RiskFields, type RiskOperation } from '../../../src/domain/risks/operations';
import { ratingOf, riskScore } from '../../../src/domain/risks/rating';
import { transitionProblem } from '../../../src/domain/risks/roam';
import { DEFAULT_RISK_SETTINGS, riskSettingsProblem } from '../../../src/domain/risks/settings';
import { fitRegister } from '../../../src/domain/risks/size';

const lena = { accountId: 'lena', displayName: 'Lena Lead' };
const arjun = { accountId: 'arjun', displayName: 'Arjun Architect' };
const T = DEFAULT_RISK_SETTINGS.thresholds;
let ids = 0;
const ctx = (register: RiskRegister, actor = lena) => ({ actor, now: '2026-11-25T10:00:00.000Z', baseRev: register.rev, newId: () => `r${++ids}` });

function apply(register: RiskRegister, op: RiskOperation, actor = lena): RiskRegister {
  const result = applyRiskOperation(register, op, ctx(register, actor));
  if (!result.ok) throw new Error(result.error.message);
  return result.register;
}
const add = (title: string, likelihood: number, impact: number, fields: Partial<RiskFields> = {}): RiskOperation => ({
  type: 'risk.add',
  fields: { title, description: '', category: 'technical', dueDate: null, ...fields },
  rating: { likelihood, impact },
});
const withRisk = (likelihood: number, impact: number): RiskRegister => apply(emptyRiskRegister(), add('Vendor SDK end of life', likelihood, impact));
const error = (register: RiskRegister, op: RiskOperation): string => {
  const result = applyRiskOperation(register, op, ctx(register));
  if (result.ok) throw new Error('expected a refusal');
  return result.error.message;
};

describe('scoring and thresholds', () => {
  it.each([
    [1, 1, 1, 'LOW'],
    [2, 2, 4, 'LOW'],
    [1, 5, 5, 'MEDIUM'],
    [3, 3, 9, 'MEDIUM'],
    [2, 5, 10, 'HIGH'],
    [4, 4, 16, 'HIGH'],
    [4, 5, 20, 'CRITICAL'],
    [5, 5, 25, 'CRITICAL'],
  ] as const)('rates %i x %i (score %i) as %s under the default thresholds', (likelihood, impact, score, rating) => {
    expect(riskScore({ likelihood, impact })).toBe(score);
    expect(ratingOf({ likelihood, impact }, T)).toBe(rating);
  });

  it('follows a project that moves its thresholds', () => {
    expect(ratingOf({ likelihood: 3, impact: 3 }, { medium: 3, high: 6, critical: 9 })).toBe('CRITICAL');
  });

  it('refuses thresholds that do not rise and labels that are empty or repeated', () => {
    expect(riskSettingsProblem(DEFAULT_RISK_SETTINGS)).toBeNull();
    expect(riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, thresholds: { medium: 8, high: 6, critical: 20 } })).toMatch(/^Thresholds: .* must rise/);
    expect(riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, thresholds: { medium: 5, high: 10, critical: 26 } })).toMatch(/^Thresholds/);
    expect(riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, impactLabels: ['a', 'b', ' ', 'd', 'e'] })).toBe('Impact scale, level 3: a label of 1 to 40 characters.');
    expect(riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, likelihoodLabels: ['a', 'b', 'c', 'd'] })).toBe('Likelihood scale: give exactly 5 labels.');
    expect(riskSettingsProblem({ ...DEFAULT_RISK_SETTINGS, likelihoodLabels: ['a', 'A', 'c', 'd', 'e'] })).toBe('Likelihood scale: each level needs its own label.');
  });
});

describe('adding and editing', () => {
  it('records who created and updated a risk, and when, with its history', () => {
    const r = withRisk(4, 3);
    expect(r.risks[0]).toMatchObject({ title: 'Vendor SDK end of life', roam: { state: 'UNROAMED' }, created: { by: lena }, updated: { by: lena }, changedAtRev: 1 });
    const edited = apply(r, { type: 'risk.edit', riskId: r.risks[0]!.id, fields: { title: 'Vendor SDK end of life', description: 'No successor yet.', category: 'external', dueDate: '2027-01-15' } }, arjun);
    expect(edited.risks[0]).toMatchObject({ category: 'external', dueDate: '2027-01-15', created: { by: lena }, updated: { by: arjun }, changedAtRev: 2 });
    expect(edited.history.map((h) => [h.by.accountId, h.what])).toEqual([['lena', 'Raised "Vendor SDK end of life"'], ['arjun', 'Edited "Vendor SDK end of life"']]);
  });

  it('refuses bad input with a message naming the field', () => {
    const r = emptyRiskRegister();
    expect(error(r, add('  ', 3, 3))).toBe('Title: required.');
    expect(error(r, add('x'.repeat(121), 3, 3))).toBe('Title: 121 characters; the limit is 120.');
    expect(error(r, add('Risk', 0, 3))).toBe('Likelihood: choose a level from 1 to 5.');
    expect(error(r, add('Risk', 3, 2.5))).toBe('Impact: choose a level from 1 to 5.');
    expect(error(r, add('Risk', 3, 3, { dueDate: '2027-02-30' }))).toBe('Response due: 2027-02-30 is not a date (use yyyy-mm-dd).');
    expect(dueDateProblem('', '2026-11-24')).toBeNull();
  });

  it('refuses a response due date that has passed, but keeps one that passed since it was set', () => {
    // ctx's now is 2026-11-25T10:00Z; yesterday (UTC) is still accepted, for users west of UTC.
    expect(error(emptyRiskRegister(), add('Risk', 3, 3, { dueDate: '1999-01-01' }))).toBe('Response due: 1999-01-01 has already passed; choose today or a later date.');
    const r = apply(emptyRiskRegister(), add('Risk', 3, 3, { dueDate: '2026-11-24' }));
    const overdue: RiskRegister = { ...r, risks: [{ ...r.risks[0]!, dueDate: '1999-01-01' }] };
    const edited = apply(overdue, { type: 'risk.edit', riskId: r.risks[0]!.id, fields: { title: 'Renamed', description: '', category: 'technical', dueDate: '1999-01-01' } });
    expect(edited.risks[0]).toMatchObject({ title: 'Renamed', dueDate: '1999-01-01' });
    expect(dueDateProblem('1999-01-02', '2026-11-24', '1999-01-01')).toBe('Response due: 1999-01-02 has already passed; choose today or a later date.');
  });

  it('changes nothing for an edit that changes nothing', () => {
    const r = withRisk(2, 2);
    const result = applyRiskOperation(r, { type: 'risk.rate', riskId: r.risks[0]!.id, rating: { likelihood: 2, impact: 2 } }, ctx(r));
    expect(result).toMatchObject({ ok: true, changed: false });
  });

  it('refuses a change to a risk someone changed since, and keeps changes to different risks', () => {
    const two = apply(withRisk(2, 2), add('Second', 1, 1));
    const [a, b] = two.risks;
    const afterA = apply(two, { type: 'risk.rate', riskId: a!.id, rating: { likelihood: 3, impact: 3 } });
    const stale = { actor: arjun, now: 'x', baseRev: two.rev, newId: () => 'n' };
    expect(applyRiskOperation(afterA, { type: 'risk.rate', riskId: b!.id, rating: { likelihood: 2, impact: 2 } }, stale)).toMatchObject({ ok: true, changed: true });
    expect(applyRiskOperation(afterA, { type: 'risk.rate', riskId: a!.id, rating: { likelihood: 5, impact: 5 } }, stale)).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflict: { current: { rating: { likelihood: 3, impact: 3 } } } } });
    const deleted = apply(afterA, { type: 'risk.delete', riskId: b!.id });
    expect(applyRiskOperation(deleted, { type: 'risk.delete', riskId: b!.id }, ctx(deleted))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'That risk was deleted by someone else.' } });
  });

  it('keeps the last history entries only', () => {
    let r = withRisk(1, 1);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) r = apply(r, { type: 'risk.rate', riskId: r.risks[0]!.id, rating: { likelihood: (i % 5) + 1, impact: 5 } });
    expect(r.history).toHaveLength(HISTORY_LIMIT);
    expect(r.history.at(-1)!.rev).toBe(r.rev);
  });
});

describe('ROAM transitions and their required fields', () => {
  const roam = (r: RiskRegister, request: Extract<RiskOperation, { type: 'risk.roam' }>['roam'], actor = lena) => apply(r, { type: 'risk.roam', riskId: r.risks[0]!.id, roam: request }, actor);
  const refusal = (r: RiskRegister, request: Extract<RiskOperation, { type: 'risk.roam' }>['roam']) => error(r, { type: 'risk.roam', riskId: r.risks[0]!.id, roam: request });

  it('Owned needs an owner', () => {
    const r = withRisk(4, 3);
    expect(refusal(r, { state: 'OWNED', owner: null })).toBe('Owner: choose the person who owns the response.');
    expect(roam(r, { state: 'OWNED', owner: arjun }).risks[0]!.roam).toEqual({ state: 'OWNED', owner: arjun, by: lena, at: '2026-11-25T10:00:00.000Z' });
  });

  it('Mitigated needs a plan and a residual rating no worse than the inherent one', () => {
    const r = withRisk(4, 3);
    expect(refusal(r, { state: 'MITIGATED', plan: '', residual: { likelihood: 1, impact: 1 } })).toBe('Mitigation plan: required.');
    expect(refusal(r, { state: 'MITIGATED', plan: 'Spike', residual: { likelihood: 0, impact: 1 } })).toBe('Residual likelihood: choose a level from 1 to 5.');
    expect(refusal(r, { state: 'MITIGATED', plan: 'Spike', residual: { likelihood: 5, impact: 3 } })).toMatch(/^Residual rating: 5 x 3 is above the risk's inherent score \(12\)/);
    const mitigated = roam(r, { state: 'MITIGATED', plan: ' Spike first ', residual: { likelihood: 2, impact: 3 } });
    expect(mitigated.risks[0]!.roam).toMatchObject({ state: 'MITIGATED', plan: 'Spike first', residual: { likelihood: 2, impact: 3 } });
    expect(error(mitigated, { type: 'risk.rate', riskId: mitigated.risks[0]!.id, rating: { likelihood: 1, impact: 1 } })).toMatch(/^The residual rating \(2 x 3\) would be above the new inherent one/);
  });

  it('Accepted records who accepted and why; a new rating withdraws the acceptance', () => {
    const r = withRisk(2, 2);
    expect(refusal(r, { state: 'ACCEPTED', rationale: '' })).toBe('Why it is accepted: required.');
    const accepted = roam(r, { state: 'ACCEPTED', rationale: 'Cheap to absorb' }, arjun);
    expect(accepted.risks[0]!.roam).toMatchObject({ state: 'ACCEPTED', by: arjun, rationale: 'Cheap to absorb' });
    const rerated = apply(accepted, { type: 'risk.rate', riskId: accepted.risks[0]!.id, rating: { likelihood: 3, impact: 2 } });
    expect(rerated.risks[0]!.roam).toEqual({ state: 'UNROAMED' });
    expect(rerated.history.at(-1)!.what).toContain('its acceptance no longer applies');
  });

  it('Resolved is final until reopened; unROAMed cannot be asked for twice', () => {
    expect(transitionProblem('UNROAMED', 'UNROAMED')).toBe('The risk is already unROAMed.');
    expect(transitionProblem('OWNED', 'MITIGATED')).toBeNull();
    expect(transitionProblem('OWNED', 'OWNED')).toBeNull();
    const resolved = roam(withRisk(3, 3), { state: 'RESOLVED', note: 'Vendor shipped the fix' });
    expect(refusal(resolved, { state: 'OWNED', owner: arjun })).toBe('The risk is resolved: reopen it (unROAMed) before ROAMing it again.');
    expect(roam(resolved, { state: 'UNROAMED' }).risks[0]!.roam).toEqual({ state: 'UNROAMED' });
  });
});

describe('the item summary counts', () => {
  it('gives the highest open current rating, the unROAMed count and the blocking count', () => {
    expect(riskCounts(emptyRiskRegister(), T)).toEqual({ level: 0, unroamed: 0, blocking: 0 });
    let r = apply(withRisk(4, 3), add('Low one', 1, 2));
    expect(riskCounts(r, T)).toEqual({ level: 3, unroamed: 2, blocking: 1 });
    const [high, low] = r.risks;
    r = apply(r, { type: 'risk.roam', riskId: high!.id, roam: { state: 'MITIGATED', plan: 'p', residual: { likelihood: 2, impact: 3 } } });
    expect(riskCounts(r, T)).toEqual({ level: 2, unroamed: 1, blocking: 0 });
    r = apply(r, { type: 'risk.roam', riskId: low!.id, roam: { state: 'RESOLVED', note: '' } });
    r = apply(r, { type: 'risk.roam', riskId: high!.id, roam: { state: 'RESOLVED', note: '' } });
    expect(riskCounts(r, T)).toEqual({ level: 0, unroamed: 0, blocking: 0 });
  });

  it('counts an owned or accepted critical risk as blocking, a mitigated one not', () => {
    const critical = withRisk(5, 5);
    const owned = apply(critical, { type: 'risk.roam', riskId: critical.risks[0]!.id, roam: { state: 'OWNED', owner: arjun } });
    expect(riskCounts(owned, T)).toEqual({ level: 4, unroamed: 0, blocking: 1 });
  });
});

describe('acceptance proof', () => {
  const accepted = (): RiskRegister => {
    const r = withRisk(2, 2);
    return apply(r, { type: 'risk.roam', riskId: r.risks[0]!.id, roam: { state: 'ACCEPTED', rationale: 'ok' } }, arjun);
  };

  it('verifies what the app wrote', () => {
    const r = accepted();
    expect(verifyRegister(r, riskLedgerFor(r, sha256), sha256)).toEqual({ changedOutsideApp: false, unverifiedAcceptances: [] });
  });

  it('does not believe an acceptance written outside the app, nor one moved to another rating', () => {
    const base = withRisk(2, 2);
    const ledger = riskLedgerFor(base, sha256);
    const forged = accepted();
    const integrity = verifyRegister(forged, ledger, sha256);
    expect(integrity).toEqual({ changedOutsideApp: true, unverifiedAcceptances: [forged.risks[0]!.id] });
    expect(effectiveRegister(forged, integrity).risks[0]!.roam).toEqual({ state: 'UNROAMED' });

    const real = accepted();
    const moved = { ...real, risks: [{ ...real.risks[0]!, rating: { likelihood: 5, impact: 5 } as const }] };
    expect(verifyRegister(moved, riskLedgerFor(real, sha256), sha256).unverifiedAcceptances).toEqual([real.risks[0]!.id]);
    expect(verifyRegister(emptyRiskRegister(), null, sha256)).toEqual({ changedOutsideApp: false, unverifiedAcceptances: [] });
  });
});

describe('risksForDependencies', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');
  const late: DependencySignal = { dependencyId: '10042', state: 'LATE', title: 'DATA-16 CDC stream' };

  it('raises one dependency risk per late or declined dependency, by the app', () => {
    const { register, raised, proposed } = risksForDependencies(emptyRiskRegister(), [late, { dependencyId: '10043', state: 'DECLINED', title: 'Team Atlas API' }], now);
    expect(raised).toEqual(['dep-10042', 'dep-10043']);
    expect(proposed).toEqual([]);
    expect(register.risks.map((r) => [r.title, r.category, r.rating, r.source])).toEqual([
      ['Dependency late: DATA-16 CDC stream', 'dependency', { likelihood: 3, impact: 3 }, { kind: 'dependency', dependencyId: '10042' }],
      ['Dependency declined: Team Atlas API', 'dependency', { likelihood: 4, impact: 3 }, { kind: 'dependency', dependencyId: '10043' }],
    ]);
    expect(register.risks[0]!.created).toEqual({ by: expect.objectContaining({ accountId: 'planning-readiness-app' }), at: now.toISOString() });
    expect(register.rev).toBe(2);
  });

  it('raises nothing twice: not on the same signal again, nor after the risk was deleted, nor when late turns declined', () => {
    const once = risksForDependencies(emptyRiskRegister(), [late], now).register;
    expect(risksForDependencies(once, [late, late], now)).toEqual({ register: once, raised: [], proposed: [] });
    const deleted = apply(once, { type: 'risk.delete', riskId: 'dep-10042' });
    expect(risksForDependencies(deleted, [{ ...late, state: 'DECLINED' }], now).raised).toEqual([]);
  });

  it('proposes closing the risk once its dependency is resolved, once', () => {
    const once = risksForDependencies(emptyRiskRegister(), [late], now).register;
    const resolved = risksForDependencies(once, [{ ...late, state: 'RESOLVED' }], now);
    expect(resolved.proposed).toEqual(['dep-10042']);
    expect(resolved.register.risks[0]!.closeProposed).toEqual({ at: now.toISOString(), reason: 'The dependency "DATA-16 CDC stream" is resolved.' });
    expect(risksForDependencies(resolved.register, [{ ...late, state: 'RESOLVED' }], now).proposed).toEqual([]);
    // ROAMing the risk settles the proposal.
    const closed = apply(resolved.register, { type: 'risk.roam', riskId: 'dep-10042', roam: { state: 'RESOLVED', note: '' } });
    expect(closed.risks[0]!.closeProposed).toBeNull();
    expect(risksForDependencies(emptyRiskRegister(), [{ ...late, state: 'RESOLVED' }], now).register.rev).toBe(0);
  });
});

describe('size', () => {
  const big = (n: number, descriptionChars: number): RiskRegister => {
    let r = emptyRiskRegister();
    for (let i = 0; i < n; i++) r = apply(r, add(`Risk ${i}`, 3, 3, { description: 'd'.repeat(descriptionChars) }));
    return r;
  };

  it('trims the oldest history first to make a register fit', () => {
    let r = big(18, 1200);
    for (let i = 0; i < 50; i++) r = apply(r, { type: 'risk.rate', riskId: r.risks[0]!.id, rating: { likelihood: (i % 5) + 1, impact: 5 } });
    expect(JSON.stringify(r).length).toBeGreaterThan(32_768 - 32);
    const fitted = fitRegister(r);
    if (!fitted.ok) throw new Error(fitted.message);
    expect(fitted.trimmed).toBeGreaterThan(0);
    expect(fitted.register.risks).toEqual(r.risks);
    expect(fitted.register.history.at(-1)).toEqual(r.history.at(-1));
    expect(fitted.register.history.length).toBeGreaterThanOrEqual(HISTORY_FLOOR);
  });

  it('refuses, naming the largest risks, a register that does not fit even then', () => {
    const fitted = fitRegister(big(40, 1900));
    expect(fitted).toEqual({ ok: false, message: expect.stringMatching(/^The risk register would be [\d,]+ bytes, and Jira stores at most 32,736 bytes per issue\. Shorten the longest risks \("Risk \d+" \([\d,]+ bytes\)/) });
  });
});
