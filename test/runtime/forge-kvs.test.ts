import { kvs } from '@forge/kvs';
import { JiraEmulator } from '../../local/jira/api';
import { SiteStore } from '../../local/jira/store';
import { KvsEmulator } from '../../local/kvs/kvs-emulator';
import { installForgeRuntime, runInvocation } from '../../local/runtime/forge-runtime';

let clock = Date.parse('2026-11-24T12:00:00Z');
const emulator = new KvsEmulator(null, () => clock);
installForgeRuntime({ jira: new JiraEmulator(new SiteStore(null), []), kvs: emulator, appId: 'ari:cloud:ecosystem::app/test', cloudId: 'cloud' });
const inApp = <T>(fn: () => Promise<T>): Promise<T> => runInvocation({ moduleKey: 'test', accountId: null }, fn);

describe('the unmodified @forge/kvs client on the KVS emulator', () => {
  it('sets, gets and deletes values', async () => {
    await inApp(async () => {
      await kvs.set('plan:PAY-1', { rev: 1, note: 'hello' });
      expect(await kvs.get('plan:PAY-1')).toEqual({ rev: 1, note: 'hello' });
      await kvs.delete('plan:PAY-1');
      expect(await kvs.get('plan:PAY-1')).toBeUndefined();
    });
  });

  it('enforces keyPolicy FAIL_IF_EXISTS', async () => {
    await inApp(async () => {
      await kvs.set('lock:PAY-2', 'me', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 10, unit: 'SECONDS' } });
      await expect(kvs.set('lock:PAY-2', 'you', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toThrow();
      expect(await kvs.get('lock:PAY-2')).toBe('me');
    });
  });

  it('expires values after their TTL', async () => {
    await inApp(async () => {
      await kvs.set('lease:x', 1, { ttl: { value: 5, unit: 'SECONDS' } });
      const meta = await kvs.get('lease:x', { metadataFields: ['EXPIRE_TIME' as never] });
      expect(meta).toMatchObject({ key: 'lease:x', value: 1 });
      clock += 6_000;
      expect(await kvs.get('lease:x')).toBeUndefined();
    });
  });

  it('queries by key prefix, 20 a page at most, with cursors', async () => {
    await inApp(async () => {
      for (let i = 0; i < 25; i++) await kvs.set(`audit:PAY-3:${String(i).padStart(3, '0')}`, i);
      await kvs.set('other:1', 'x');
      const first = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['audit:PAY-3:'] } as never).limit(20).getMany();
      expect(first.results).toHaveLength(20);
      expect(first.nextCursor).toBeDefined();
      const second = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['audit:PAY-3:'] } as never).limit(20).cursor(first.nextCursor!).getMany();
      expect(second.results.map((r) => r.value)).toEqual([20, 21, 22, 23, 24]);
      expect(second.nextCursor).toBeUndefined();
      await expect(kvs.query().limit(21).getMany()).rejects.toThrow();
    });
  });

  it('runs transactions all-or-nothing', async () => {
    await inApp(async () => {
      await kvs.set('t:existing', 'keep');
      await expect(
        kvs.transact().set('t:new', 'a').set('t:existing', 'b', undefined, { keyPolicy: 'FAIL_IF_EXISTS' } as never).execute(),
      ).rejects.toThrow();
      expect(await kvs.get('t:new')).toBeUndefined();
      expect(await kvs.get('t:existing')).toBe('keep');
      await kvs.transact().set('t:new', 'a').delete('t:existing').execute();
      expect(await kvs.get('t:new')).toBe('a');
      expect(await kvs.get('t:existing')).toBeUndefined();
    });
  });

  it('keeps secrets apart from values', async () => {
    await inApp(async () => {
      await kvs.setSecret('token', 's3cret');
      expect(await kvs.getSecret('token')).toBe('s3cret');
      expect(await kvs.get('token')).toBeUndefined();
    });
  });

  it('batches sets and gets', async () => {
    await inApp(async () => {
      const set = await kvs.batchSet([{ key: 'b:1', value: 1 }, { key: 'b:2', value: 2 }, { key: 'bad key!', value: 3 }]);
      expect(set.successfulKeys.map((k) => k.key)).toEqual(['b:1', 'b:2']);
      expect(set.failedKeys.map((k) => k.key)).toEqual(['bad key!']);
      const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:3' }]);
      expect(got.successfulKeys.map((k) => k.value)).toEqual([1]);
    });
  });

  it('rejects invalid keys with a clear error', async () => {
    await inApp(async () => {
      await expect(kvs.set('no/slashes', 1)).rejects.toThrow(/Keys must be/);
    });
  });
});
