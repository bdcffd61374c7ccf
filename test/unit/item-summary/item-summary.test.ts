import { mergeFacts, planningPart, sameItemSummary } from '../../../src/domain/item-summary/item-summary';
import { fromStored, toStored } from '../../../src/adapters/jira/item-summary/stored-format';

describe('the item summary', () => {
  it('starts every section at zero, so JQL such as openImpediments = 0 finds clear items', () => {
    const s = mergeFacts(null, { risks: { level: 3, unroamed: 2, blocking: 1 } });
    expect(s).toMatchObject({ rev: 0, specStatus: 'DRAFT', risks: { level: 3 }, impediments: { open: 0 }, dependencies: { open: 0, late: 0, cycle: 0 } });
  });

  it("replaces only the publishing feature's section", () => {
    const withRisks = mergeFacts(null, { risks: { level: 4, unroamed: 1, blocking: 1 } });
    const next = mergeFacts(withRisks, { planning: { rev: 3, specStatus: 'APPROVED', changedOutsideApp: 0 }, impediments: { open: 2 } });
    expect(next.risks.level).toBe(4);
    expect(next.impediments.open).toBe(2);
    expect(planningPart(next)).toEqual({ rev: 3, specStatus: 'APPROVED', changedOutsideApp: 0 });
  });

  it('drops an estimate confidence the planning record no longer has', () => {
    const estimated = mergeFacts(null, { planning: { rev: 1, specStatus: 'DRAFT', estimateConfidence: 4, changedOutsideApp: 0 } });
    expect(mergeFacts(estimated, { planning: { rev: 2, specStatus: 'DRAFT', changedOutsideApp: 0 } })).not.toHaveProperty('estimateConfidence');
  });

  it('compares by value whatever the key order', () => {
    const a = mergeFacts(null, { impediments: { open: 1 } });
    const { impediments, ...rest } = a;
    const reordered = { impediments, ...rest };
    expect(sameItemSummary(reordered, a)).toBe(true);
    expect(sameItemSummary(a, mergeFacts(a, { impediments: { open: 2 } }))).toBe(false);
    expect(sameItemSummary(null, a)).toBe(false);
  });
});

describe('the stored item summary', () => {
  it('reads version 1 (planning only) with zero counts, and round-trips version 2', () => {
    const v1 = fromStored({ schemaVersion: 1, rev: 2, specStatus: 'IN_REVIEW', changedOutsideApp: 0 });
    expect(v1).toEqual(mergeFacts(null, { planning: { rev: 2, specStatus: 'IN_REVIEW', changedOutsideApp: 0 } }));
    const v2 = mergeFacts(v1, { dependencies: { open: 3, late: 1, cycle: 1, uncommitted: 2 } });
    expect(fromStored(JSON.parse(JSON.stringify(toStored(v2))))).toEqual(v2);
  });

  it('refuses what the app could not have written', () => {
    expect(fromStored({ schemaVersion: 2, rev: 1 })).toBeNull();
    expect(fromStored({ ...toStored(mergeFacts(null, {})), risks: { level: 9, unroamed: 0, blocking: 0 } })).toBeNull();
    expect(fromStored('APPROVED')).toBeNull();
  });
});
