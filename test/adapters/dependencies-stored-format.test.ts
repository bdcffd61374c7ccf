import { createHash } from 'node:crypto';
import { readStoredDependencies, toStoredDependencies } from '../../src/adapters/jira/dependencies/stored-format';
import { dependencyLedgerFor, verifyDependencies } from '../../src/domain/dependencies/authority';
import type { DependencyRecord } from '../../src/domain/dependencies/model';
import { applyDependencyOperation, type DependencyOperation } from '../../src/domain/dependencies/operations';

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
const lena = { accountId: 'lena', displayName: 'Lena Lead' };
const LINKS = new Set(['10007']);
const edit = (baseRev: number, description: string): DependencyOperation => ({ type: 'edit', dependencyId: 'link:10007', baseRev, description, neededBy: null, owner: null });
function apply(record: DependencyRecord, op: DependencyOperation): DependencyRecord {
  const r = applyDependencyOperation(record, op, { actor: lena, now: '2026-11-25T10:00:00.000Z', newId: () => 'd1', sides: { dependent: true, provider: false } }, LINKS);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe('dependencies stored format 2', () => {
  const v1 = {
    schemaVersion: 1,
    rev: 2,
    links: { '10007': { description: 'Payments API', neededBy: null, committedBy: null, owner: null, status: 'REQUESTED', declineReason: null, decidedBy: null } },
    others: [],
    history: [{ rev: 2, at: '2026-11-01T00:00:00.000Z', by: lena, dependencyId: 'link:10007', what: 'Requested the dependency' }],
  };

  it('reads a version 1 record as one whose dependencies changed at revision 0, with the digest its ledger holds', () => {
    const read = readStoredDependencies(v1);
    if (!read.ok) throw new Error(read.reason);
    expect(read.record.links['10007']!.changedAtRev).toBeUndefined();
    const { schemaVersion: _v, ...asWrittenBefore } = v1;
    const ledger = dependencyLedgerFor(asWrittenBefore as DependencyRecord, sha);
    expect(verifyDependencies(read.record, ledger, sha)).toEqual({ changedOutsideApp: false, unverified: [] });
    expect(apply(read.record, edit(0, 'Payments API v2')).links['10007']).toMatchObject({ description: 'Payments API v2', changedAtRev: 3 });
  });

  it('writes version 2 with the revision marks, and reads them back', () => {
    const read = readStoredDependencies(v1);
    if (!read.ok) throw new Error(read.reason);
    const next = apply(read.record, edit(2, 'Payments API v2'));
    const stored = JSON.parse(JSON.stringify(toStoredDependencies(next))) as unknown;
    expect(stored).toMatchObject({ schemaVersion: 2, rev: 3, links: { '10007': { changedAtRev: 3 } } });
    expect(readStoredDependencies(stored)).toEqual({ ok: true, record: next });
    expect(readStoredDependencies({ ...v1, schemaVersion: 3 })).toEqual({ ok: false, reason: 'a newer version of the app wrote it' });
  });
});
