import { readStoredRegister, toStoredRegister } from '../../src/adapters/jira/risks/stored-format';
import { emptyRiskRegister, type RiskRegister } from '../../src/domain/risks/model';

const lena = { accountId: 'lena', displayName: 'Lena Lead' };
const register: RiskRegister = {
  rev: 2,
  risks: [
    {
      id: 'r1',
      title: 'Vendor SDK end of life',
      description: '',
      category: 'external',
      rating: { likelihood: 4, impact: 3 },
      roam: { state: 'MITIGATED', plan: 'Spike', residual: { likelihood: 2, impact: 3 }, by: lena, at: '2026-11-25T10:00:00.000Z' },
      dueDate: '2027-01-15',
      source: null,
      closeProposed: null,
      created: { by: lena, at: '2026-11-25T09:00:00.000Z' },
      updated: { by: lena, at: '2026-11-25T10:00:00.000Z' },
      changedAtRev: 2,
    },
  ],
  raisedForDependencies: [],
  history: [{ rev: 2, at: '2026-11-25T10:00:00.000Z', by: lena, riskId: 'r1', what: 'Mitigated' }],
};

describe('the risk register stored format', () => {
  it('round-trips a register with its schema version', () => {
    const stored = toStoredRegister(register);
    expect(stored.schemaVersion).toBe(1);
    expect(readStoredRegister(JSON.parse(JSON.stringify(stored)))).toEqual({ ok: true, register });
  });

  it('reads a missing property as an empty register', () => {
    expect(readStoredRegister(undefined)).toEqual({ ok: true, register: emptyRiskRegister() });
  });

  it('reports, and never guesses at, a newer or damaged register', () => {
    expect(readStoredRegister({ ...toStoredRegister(register), schemaVersion: 2 })).toEqual({ ok: false, reason: expect.stringContaining('newer version of the app (schema 2)') });
    const damaged = { ...toStoredRegister(register), risks: [{ ...register.risks[0], rating: { likelihood: 9, impact: 3 } }] };
    expect(readStoredRegister(damaged)).toEqual({ ok: false, reason: expect.stringMatching(/^the stored risk register is damaged \(risks\.0\.rating\.likelihood/) });
    expect(readStoredRegister({ ...toStoredRegister(register), extra: 1 })).toMatchObject({ ok: false });
    expect(readStoredRegister([])).toEqual({ ok: false, reason: 'the stored risk register is not a JSON object' });
  });
});
