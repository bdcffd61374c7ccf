import { createHash } from 'node:crypto';
import { dependencyLedgerFor, effectiveRecord, verifyDependencies } from '../../../src/domain/dependencies/authority';
import { buildGraph, type GraphIssue } from '../../../src/domain/dependencies/graph-snapshot';
import { dependencyLinks, linkRequestSides } from '../../../src/domain/dependencies/links';
import { EMPTY_DEPENDENCY_RECORD, type DependencyRecord } from '../../../src/domain/dependencies/model';
import { applyDependencyOperation, type DependencyOperation, type OperationContext } from '../../../src/domain/dependencies/operations';
import { DEFAULT_DEPENDENCY_SETTINGS, dependencySettingsProblem } from '../../../src/domain/dependencies/settings';
import { sidesFor } from '../../../src/domain/dependencies/sides';
import { dependencyOversizeMessage } from '../../../src/domain/dependencies/size';

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
const lena = { accountId: 'lena', displayName: 'Lena Lead' };
const arjun = { accountId: 'arjun', displayName: 'Arjun Architect' };
const ctx = (sides: OperationContext['sides'], actor = lena): OperationContext => ({ actor, now: '2026-11-25T10:00:00.000Z', newId: () => 'd1', sides });
const DEPENDENT = { dependent: true, provider: false };
const PROVIDER = { dependent: false, provider: true };
const LINKS = new Set(['10007']);

function apply(record: DependencyRecord, op: DependencyOperation, sides = DEPENDENT, actor = lena): DependencyRecord {
  const r = applyDependencyOperation(record, op, ctx(sides, actor), LINKS);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe('dependency transitions', () => {
  const requested = apply(EMPTY_DEPENDENCY_RECORD, { type: 'request', dependencyId: 'link:10007' });

  it('runs Identified -> Requested -> Committed -> Delivered, each by its side', () => {
    expect(requested.links['10007']!.status).toBe('REQUESTED');
    const committed = apply(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-01', release: null } }, PROVIDER, arjun);
    expect(committed.links['10007']).toMatchObject({ status: 'COMMITTED', committedBy: { date: '2027-02-01' }, decidedBy: { by: arjun } });
    expect(apply(committed, { type: 'deliver', dependencyId: 'link:10007' }, PROVIDER, arjun).links['10007']!.status).toBe('DELIVERED');
    expect(committed.history.map((h) => h.what)).toEqual(['Committed to deliver by 2027-02-01', 'Requested the dependency']);
  });

  it('refuses the dependent side a commitment, and a decline without a reason', () => {
    expect(applyDependencyOperation(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-01', release: null } }, ctx(DEPENDENT), LINKS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(applyDependencyOperation(requested, { type: 'decline', dependencyId: 'link:10007', reason: '' }, ctx(PROVIDER), LINKS)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Reason: enter a reason.' } });
    expect(applyDependencyOperation(EMPTY_DEPENDENCY_RECORD, { type: 'deliver', dependencyId: 'link:10007' }, ctx(PROVIDER), LINKS)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a link that Jira no longer has, and an invalid date', () => {
    expect(applyDependencyOperation(EMPTY_DEPENDENCY_RECORD, { type: 'request', dependencyId: 'link:999' }, ctx(DEPENDENT), LINKS)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(applyDependencyOperation(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-30', release: null } }, ctx(PROVIDER), LINKS)).toMatchObject({ ok: false, error: { message: 'Committed by: choose a valid date.' } });
  });

  it('refuses a needed-by or committed-by date that has passed, but keeps an overdue one through an edit', () => {
    // ctx's now is 2026-11-25T10:00Z: yesterday (UTC) is still accepted, for users west of UTC.
    const past = { date: '2001-02-03', release: null };
    const message = 'Needed by: 2001-02-03 has already passed; choose today or a later date.';
    expect(applyDependencyOperation(EMPTY_DEPENDENCY_RECORD, { type: 'describeLink', linkId: '10007', description: '', neededBy: past, owner: null }, ctx(DEPENDENT), LINKS)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } });
    expect(applyDependencyOperation(EMPTY_DEPENDENCY_RECORD, { type: 'add', target: { kind: 'external', party: 'Visa' }, description: '', neededBy: past, owner: null }, ctx(DEPENDENT), LINKS)).toMatchObject({ ok: false, error: { message } });
    expect(applyDependencyOperation(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2026-11-23', release: null } }, ctx(PROVIDER), LINKS)).toMatchObject({ ok: false, error: { message: 'Committed by: 2026-11-23 has already passed; choose today or a later date.' } });
    expect(apply(requested, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2026-11-24', release: null } }, PROVIDER, arjun).links['10007']!.status).toBe('COMMITTED');
    // A dependency whose needed-by date passed since it was set keeps it when its description is edited.
    const overdue: DependencyRecord = { ...requested, links: { '10007': { ...requested.links['10007']!, neededBy: past } } };
    const edited = apply(overdue, { type: 'edit', dependencyId: 'link:10007', baseRev: overdue.rev, description: 'Now described', neededBy: past, owner: null });
    expect(edited.links['10007']).toMatchObject({ description: 'Now described', neededBy: past });
  });

  it('lets the named owner of a team dependency commit, and turns it into an issue dependency', () => {
    const added = apply(EMPTY_DEPENDENCY_RECORD, { type: 'add', target: { kind: 'team', team: 'Cobalt' }, description: 'Load test env', neededBy: null, owner: arjun });
    const other = added.others[0]!;
    expect(sidesFor({ kind: 'other', commitment: other }, { actor: arjun, canEditDependent: false })).toEqual(PROVIDER);
    const requestedTeam = apply(added, { type: 'request', dependencyId: 'd1' });
    const committed = apply(requestedTeam, { type: 'commit', dependencyId: 'd1', committedBy: { date: '2027-01-10', release: null } }, PROVIDER, arjun);
    const converted = apply(committed, { type: 'convert', dependencyId: 'd1', linkId: '10007' }, PROVIDER, arjun);
    expect(converted.others).toEqual([]);
    expect(converted.links['10007']).toMatchObject({ status: 'COMMITTED', description: 'Load test env', owner: arjun });
  });
});

describe('dependency authority', () => {
  const committed = apply(apply(EMPTY_DEPENDENCY_RECORD, { type: 'request', dependencyId: 'link:10007' }), { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-01', release: null } }, PROVIDER, arjun);
  const ledger = dependencyLedgerFor(committed, sha);

  it('trusts what the app wrote', () => {
    expect(verifyDependencies(committed, ledger, sha)).toEqual({ changedOutsideApp: false, unverified: [] });
  });

  it('takes a forged commitment back to requested, and keeps a forged description', () => {
    const requested = apply(EMPTY_DEPENDENCY_RECORD, { type: 'request', dependencyId: 'link:10007' });
    const forged: DependencyRecord = { ...requested, links: { '10007': { ...requested.links['10007']!, status: 'COMMITTED', description: 'edited', decidedBy: { by: arjun, at: 'x' } } } };
    const integrity = verifyDependencies(forged, dependencyLedgerFor(requested, sha), sha);
    expect(integrity).toEqual({ changedOutsideApp: true, unverified: ['link:10007'] });
    expect(effectiveRecord(forged, integrity).links['10007']).toMatchObject({ status: 'REQUESTED', description: 'edited', decidedBy: null });
  });
});

describe('links as dependencies', () => {
  it('reads "is blocked by" as depends on, with Blocks mapped by default', () => {
    expect(dependencyLinks('1', [{ id: '7', typeName: 'Blocks', otherSide: 'inward', otherId: '2', otherKey: 'PAY-2' }], DEFAULT_DEPENDENCY_SETTINGS)).toEqual([{ linkId: '7', typeName: 'Blocks', dependentId: '1', providerId: '2' }]);
    expect(dependencyLinks('1', [{ id: '8', typeName: 'Blocks', otherSide: 'outward', otherId: '3', otherKey: 'PAY-3' }], DEFAULT_DEPENDENCY_SETTINGS)).toEqual([{ linkId: '8', typeName: 'Blocks', dependentId: '3', providerId: '1' }]);
    expect(dependencyLinks('1', [{ id: '9', typeName: 'Relates', otherSide: 'outward', otherId: '3', otherKey: 'PAY-3' }], DEFAULT_DEPENDENCY_SETTINGS)).toEqual([]);
  });

  it('creates "provider blocks dependent" for Blocks, and the reverse for a type read the other way', () => {
    expect(linkRequestSides({ name: 'Blocks', dependentReads: 'inward' }, 'PAY-3', 'PAY-1')).toEqual({ inwardIssue: 'PAY-1', outwardIssue: 'PAY-3' });
    expect(linkRequestSides({ name: 'Depends', dependentReads: 'outward' }, 'PAY-3', 'PAY-1')).toEqual({ inwardIssue: 'PAY-3', outwardIssue: 'PAY-1' });
  });

  it('checks the settings against the site\'s link types', () => {
    expect(dependencySettingsProblem({ linkTypes: [{ name: 'Nope', dependentReads: 'inward' }] }, ['Blocks'])).toBe('There is no issue link type named "Nope" on this site.');
    expect(dependencySettingsProblem(DEFAULT_DEPENDENCY_SETTINGS, ['Blocks'])).toBeNull();
  });
});

describe('the graph snapshot', () => {
  const issue = (id: string, links: GraphIssue['links'], extra: Partial<GraphIssue> = {}): GraphIssue => ({ id, key: `PAY-${id}`, projectKey: 'PAY', summary: `Issue ${id}`, team: null, dueDate: null, releaseDate: null, done: false, links, record: null, ...extra });

  it('keeps one edge per link seen from both ends, and counts a done provider as delivered', () => {
    const a = issue('1', [{ id: '7', typeName: 'Blocks', otherSide: 'inward', otherId: '2', otherKey: 'PAY-2' }]);
    const b = issue('2', [{ id: '7', typeName: 'Blocks', otherSide: 'outward', otherId: '1', otherKey: 'PAY-1' }], { done: true });
    const g = buildGraph([a, b], () => DEFAULT_DEPENDENCY_SETTINGS);
    expect(g.edges).toEqual([{ id: 'link:7', from: '1', to: '2', status: 'DELIVERED', neededBy: null, committedBy: null }]);
  });
});

describe('the size limit', () => {
  it('says how much too large, and is silent below 32,768 bytes', () => {
    expect(dependencyOversizeMessage({ text: 'x'.repeat(40_000) })).toMatch(/would take 40,011 bytes.*Nothing was saved/);
    expect(dependencyOversizeMessage(EMPTY_DEPENDENCY_RECORD)).toBeNull();
  });
});
