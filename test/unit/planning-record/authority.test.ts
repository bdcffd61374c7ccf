import { sha256 } from '../../../src/adapters/crypto/sha256';
import { effectiveRecord, ledgerFor, verifyRecord } from '../../../src/domain/planning-record/authority';
import { canonicalJson } from '../../../src/domain/shared/canonical-json';
import { noteRepair } from '../../../src/domain/planning-record/repair-note';
import { summarize } from '../../../src/domain/planning-record/summary';
import { emptyPlanningRecord, type PlanningRecord } from '../../../src/domain/planning-record/model';
import { apply, approvedSpec, architect, specInReview } from '../../support/planning-records';

const clean = { changedOutsideApp: false, approvalUnverified: false };
const forge = (r: PlanningRecord): PlanningRecord => ({ ...r, spec: { ...r.spec, status: 'APPROVED', approval: { by: architect, at: '2026-11-24T12:00:00.000Z' } } });

describe('canonicalJson', () => {
  it('gives equal text for equal values whatever the key order, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('verifyRecord', () => {
  it('trusts the record the app wrote, approval included', () => {
    const r = approvedSpec();
    expect(verifyRecord(r, ledgerFor(r, sha256), sha256)).toEqual(clean);
  });

  it('needs no ledger for a record never written', () => {
    expect(verifyRecord(emptyPlanningRecord(), null, sha256)).toEqual(clean);
  });

  it('flags a record written without the app, and an approval it never recorded', () => {
    const r = specInReview();
    expect(verifyRecord(forge(r), ledgerFor(r, sha256), sha256)).toEqual({ changedOutsideApp: true, approvalUnverified: true });
    expect(verifyRecord(forge(r), null, sha256)).toEqual({ changedOutsideApp: true, approvalUnverified: true });
  });

  it('does not let a real approval cover spec text changed afterwards, but keeps it for other changes', () => {
    const r = approvedSpec();
    const ledger = ledgerFor(r, sha256);
    const newText = { ...r, spec: { ...r.spec, sections: { ...r.spec.sections, approach: 'Rewritten' } } };
    expect(verifyRecord(newText, ledger, sha256)).toEqual({ changedOutsideApp: true, approvalUnverified: true });
    const newHistory = { ...r, history: [] };
    expect(verifyRecord(newHistory, ledger, sha256)).toEqual({ changedOutsideApp: true, approvalUnverified: false });
  });

  it('does not accept an approval moved to another architect or time', () => {
    const r = approvedSpec();
    const ledger = ledgerFor(r, sha256);
    const otherTime = { ...r, spec: { ...r.spec, approval: { ...r.spec.approval!, at: '2026-12-01T00:00:00.000Z' } } };
    expect(verifyRecord(otherTime, ledger, sha256).approvalUnverified).toBe(true);
  });
});

describe('effectiveRecord, noteRepair and summarize', () => {
  it('treats an unverified approval as In review, and the summary indexes that', () => {
    const forged = forge(specInReview());
    const integrity = verifyRecord(forged, null, sha256);
    const effective = effectiveRecord(forged, integrity);
    expect(effective.spec).toMatchObject({ status: 'IN_REVIEW', approval: null });
    expect(summarize(effective, integrity)).toEqual({ rev: 3, specStatus: 'IN_REVIEW', changedOutsideApp: 1 });
  });

  it('writes 0, not nothing, for a clean record, and the confidence when there is an estimate', () => {
    const r = apply(approvedSpec(), { type: 'estimate.set', value: { kind: 'tshirt', size: 'M' }, confidence: 4, assumptions: '' });
    expect(summarize(r, clean)).toEqual({ rev: 5, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 });
  });

  it('notes a repair on the change that made it, and leaves a clean change alone', () => {
    const r = specInReview();
    expect(noteRepair(r, clean)).toBe(r);
    expect(noteRepair(r, { changedOutsideApp: true, approvalUnverified: false }).history[0]!.what).toBe('Submitted the spec for review (the record had been changed outside the app)');
  });
});
