import { fromStored, MAX_PROPERTY_BYTES, toStored } from '../../src/adapters/jira/impediments/stored-format';
import type { Impediment } from '../../src/domain/impediments/model';

const impediment = (n: number, detail: string | null = null): Impediment => ({
  id: `FLAGGED:${n}:2026-11-25T10:00:00.000Z`,
  cause: 'FLAGGED',
  source: { id: String(n), key: `PAY-${n}` },
  detail,
  raisedBy: null,
  raisedAt: '2026-11-25T10:00:00.000Z',
  owner: 'acc-lead',
  severity: 'HIGH',
  status: 'OPEN',
  resolvedAt: null,
  nextStep: null,
  discussedAt: null,
  reEscalatedOn: null,
});

describe('the stored impediment record', () => {
  it('round-trips a record', () => {
    const record = { impediments: [impediment(1), impediment(2, 'DATA-3')] };
    expect(fromStored(JSON.parse(JSON.stringify(toStored(record))))).toEqual(record);
  });

  it('reads a value it could not have written as no impediments', () => {
    expect(fromStored({ schemaVersion: 1, impediments: [{ cause: 'FORGED' }] })).toEqual({ impediments: [] });
    expect(fromStored(undefined)).toEqual({ impediments: [] });
  });

  it("refuses a record over Jira's property limit with a clear error, never truncating it", () => {
    const record = { impediments: Array.from({ length: 80 }, (_, n) => impediment(n, 'x'.repeat(400))) };
    expect(() => toStored(record)).toThrow(`over Jira's ${MAX_PROPERTY_BYTES}-byte limit`);
  });
});
