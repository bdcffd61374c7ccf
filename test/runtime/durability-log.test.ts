import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonFile } from '../../local/json-file';
import { KvsEmulator } from '../../local/kvs/kvs-emulator';

/** The snapshot + change log behind every emulator's data: what a crash (no flush, no close) leaves on disk. */
type Doc = { items: Array<{ id: string; n: number }>; entries: Record<string, unknown>; version: number };

describe('the JSON file with a change log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-json-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A document saved once as a snapshot, as the stores do when they start. */
  const opened = (compactAtBytes?: number): { file: JsonFile<Doc>; doc: Doc } => {
    const file = new JsonFile<Doc>(join(dir, 'doc.json'), compactAtBytes === undefined ? {} : { compactAtBytes });
    const doc: Doc = file.load() ?? { items: [{ id: 'a', n: 0 }], entries: { x: 1 }, version: 1 };
    file.flush(doc);
    return { file, doc };
  };
  /** What a new process would load after a crash (the old JsonFile is simply abandoned). */
  const reloaded = (): Doc | undefined => new JsonFile<Doc>(join(dir, 'doc.json')).load();
  const logLines = (): string[] => readFileSync(join(dir, 'doc.json.log'), 'utf8').split('\n').filter(Boolean);

  it('has every change on disk once durable() resolves, without a flush', async () => {
    const { file, doc } = opened();
    doc.items[0]!.n = 5;
    doc.items.push({ id: 'b', n: 1 });
    doc.entries.y = { deep: true };
    delete doc.entries.x;
    doc.version = 2;
    file.changed(() => doc);
    await file.durable();
    expect(reloaded()).toEqual({ items: [{ id: 'a', n: 5 }, { id: 'b', n: 1 }], entries: { y: { deep: true } }, version: 2 });
  });

  it('logs only the units that changed', async () => {
    const { file, doc } = opened();
    doc.items.push({ id: 'b', n: 1 });
    file.changed(() => doc);
    await file.durable();
    expect(logLines().map((l) => JSON.parse(l) as unknown)).toEqual([{ ops: [{ t: 'item', k: 'items', id: 'b', v: { id: 'b', n: 1 } }] }]);
  });

  it('commits a burst of concurrent changes as one group', async () => {
    const { file, doc } = opened();
    const acks: Array<Promise<void>> = [];
    for (let i = 0; i < 50; i++) {
      doc.entries[`k${i}`] = i;
      file.changed(() => doc);
      acks.push(file.durable());
    }
    await Promise.all(acks);
    // The first change is committed at once; the 49 made while it was on its way to disk share the next commit.
    expect(logLines()).toHaveLength(2);
    expect(Object.keys(reloaded()!.entries)).toHaveLength(51);
  });

  it('drops a torn last line, which was never acknowledged, and keeps the rest', async () => {
    const { file, doc } = opened();
    doc.entries.kept = true;
    file.changed(() => doc);
    await file.durable();
    appendFileSync(join(dir, 'doc.json.log'), '{"ops":[{"t":"entry","k":"entries","e":"torn","v"');
    expect(reloaded()!.entries).toEqual({ x: 1, kept: true });
    expect(readFileSync(join(dir, 'doc.json.log'), 'utf8')).toBe('');
  });

  it('refuses a log corrupt before its last line', () => {
    opened();
    appendFileSync(join(dir, 'doc.json.log'), 'not json\n{"ops":[]}\n');
    expect(() => reloaded()).toThrow(/corrupt at line 1/);
  });

  it('folds the log into the snapshot once it grows past its bound', async () => {
    const { file, doc } = opened(200);
    for (let i = 0; i < 20; i++) {
      doc.items.push({ id: `i${i}`, n: i });
      file.changed(() => doc);
      await file.durable();
    }
    expect(statSync(join(dir, 'doc.json.log')).size).toBeLessThan(400);
    expect(reloaded()!.items).toHaveLength(21);
  });

  it('keeps a key named __proto__ as data, never as a prototype', async () => {
    const { file, doc } = opened();
    doc.entries = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    file.changed(() => doc);
    await file.durable();
    const entries = reloaded()!.entries;
    expect(Object.keys(entries)).toEqual(['__proto__']);
    expect((entries as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('starts afresh on reset', () => {
    opened();
    appendFileSync(join(dir, 'doc.json.log'), '{"ops":[]}\n');
    expect(new JsonFile<Doc>(join(dir, 'doc.json'), { reset: true }).load()).toBeUndefined();
    expect(existsSync(join(dir, 'doc.json.log'))).toBe(false);
  });
});

describe('the KVS emulator on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-kvs-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a set or delete only once it would survive a crash', async () => {
    const path = join(dir, 'forge-kvs.json');
    const first = new KvsEmulator(path);
    expect((await first.handle('/api/v1/set', { key: 'plan:1', value: { rev: 1 } })).status).toBe(204);
    expect((await first.handle('/api/v1/secret/set', { key: 'token', value: 's' })).status).toBe(204);
    const afterCrash = new KvsEmulator(path);
    expect((await afterCrash.handle('/api/v1/get', { key: 'plan:1' })).body).toMatchObject({ value: { rev: 1 } });
    expect((await afterCrash.handle('/api/v1/delete', { key: 'plan:1' })).status).toBe(204);
    const again = new KvsEmulator(path);
    expect((await again.handle('/api/v1/get', { key: 'plan:1' })).status).toBe(404);
    expect((await again.handle('/api/v1/secret/get', { key: 'token' })).body).toMatchObject({ value: 's' });
  });
});
