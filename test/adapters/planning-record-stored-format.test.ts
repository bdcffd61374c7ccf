import { readStoredRecord, toStoredRecord } from '../../src/adapters/jira/planning-record/stored-format';
import { emptyPlanningRecord } from '../../src/domain/planning-record/model';
import { approvedSpec, specInReview } from '../support/planning-records';

describe('the planning record stored format', () => {
  it('reads a missing property as an empty record', () => {
    expect(readStoredRecord(undefined)).toEqual({ ok: true, record: emptyPlanningRecord() });
  });

  it('round-trips a record through its stored JSON, which carries the schema version', () => {
    for (const r of [specInReview(), approvedSpec()]) {
      const json = JSON.parse(JSON.stringify(toStoredRecord(r))) as Record<string, unknown>;
      expect(json.schemaVersion).toBe(2);
      expect(readStoredRecord(json)).toEqual({ ok: true, record: r });
    }
  });

  it('refuses records from a newer app version or damaged ones, so they are never overwritten', () => {
    expect(readStoredRecord({ schemaVersion: 3 })).toMatchObject({ ok: false, reason: expect.stringContaining('newer version') });
    expect(readStoredRecord({ schemaVersion: 1, rev: 'x' })).toMatchObject({ ok: false, reason: expect.stringContaining('damaged (rev') });
    expect(readStoredRecord({ note: 'hand-written' })).toMatchObject({ ok: false, reason: expect.stringContaining('no schemaVersion') });
    expect(readStoredRecord([1])).toMatchObject({ ok: false });
  });
});
