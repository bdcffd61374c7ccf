import { CHUNK_CHARS, splitText } from '../../src/adapters/kvs/kvs-snapshot-chunks';
import { fromStoredBaseline, fromStoredSnapshot, toStoredBaseline, toStoredSnapshot } from '../../src/adapters/kvs/kvs-snapshot-format';
import { baselineItemOf } from '../../src/domain/portfolio/drift';
import { EMPTY_SCOPE } from '../../src/shared/portfolio/scope-rules';
import { row } from '../support/portfolio-rows';

/** KVS values are limited to 240 KB (245,760 bytes), stored as JSON. */
const KVS_VALUE_LIMIT = 240 * 1024;

describe('the chunked snapshot in KVS', () => {
  it('cuts any text into chunks whose JSON stays under the 240 KB value limit, and puts it back together', () => {
    // Control characters are the worst case: six bytes of JSON (\u0001) per character.
    const worst = '\u0001'.repeat(CHUNK_CHARS * 2 + 7);
    const parts = splitText(worst);
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThan(KVS_VALUE_LIMIT);
    expect(parts.join('')).toBe(worst);
    expect(splitText('')).toEqual([]);
  });

  it('stores rows with their facts in the item summary format, and reads them back as they were', () => {
    const rows = [row('P-1', { readiness: [80, 'READY'], facts: { estimateConfidence: 3 } }), row('P-2', { facts: null })];
    const snapshot = { scopeKey: 'project:P', scopeJql: 'project = "P"', takenAt: '2026-11-25T02:00:00.000Z', rows, warnings: ['w'] };
    const stored = JSON.parse(JSON.stringify(toStoredSnapshot(snapshot))) as unknown;
    expect(stored).toMatchObject({ schemaVersion: 1, rows: [{ facts: { schemaVersion: 2 } }, { facts: null }] });
    expect(fromStoredSnapshot(stored)).toEqual(snapshot);
  });

  it('reads a damaged or foreign value as no snapshot or baseline, never as data', () => {
    expect(fromStoredSnapshot({ schemaVersion: 99 })).toBeNull();
    expect(fromStoredSnapshot(null)).toBeNull();
    const baseline = { scopeKey: 'project:P', scope: EMPTY_SCOPE, committedBy: { accountId: 'a', displayName: 'Lena' }, committedAt: '2026-11-25T10:00:00.000Z', items: [baselineItemOf(row('P-1'))] };
    expect(fromStoredBaseline(JSON.parse(JSON.stringify(toStoredBaseline(baseline))))).toEqual(baseline);
    expect(fromStoredBaseline({ ...toStoredBaseline(baseline), committedBy: { accountId: '', displayName: 'x' } })).toBeNull();
  });
});
