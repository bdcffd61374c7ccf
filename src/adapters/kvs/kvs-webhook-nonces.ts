import { kvs } from '@forge/kvs';
import type { NonceStore } from '../../application/impediments/webhook-ports';
import { storageUnavailable } from '../../application/shared/errors';
import { kvsCall } from './kvs-call';

const nonceKey = (nonce: string): string => `webhook:escalations:nonce:${nonce}`;

/**
 * Remembers the signatures of accepted web trigger requests for the replay window: a claim is a KVS set
 * with FAIL_IF_EXISTS, so two deliveries of one request cannot both pass; the TTL forgets it afterwards.
 */
export class KvsWebhookNonces implements NonceStore {
  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    try {
      await kvs.set(nonceKey(nonce), 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } });
      return true;
    } catch {
      // A refusal and an outage look alike: a nonce that is there is a replay; otherwise storage failed.
      const seen = await kvsCall('web trigger nonce check', () => kvs.get(nonceKey(nonce)));
      if (seen !== undefined) return false;
      throw storageUnavailable();
    }
  }

  async release(nonce: string): Promise<void> {
    await kvsCall('web trigger nonce release', () => kvs.delete(nonceKey(nonce)));
  }
}
