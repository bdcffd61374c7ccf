import { kvs } from '@forge/kvs';
import type { WebhookSecretStore } from '../../application/impediments/webhook-ports';
import { kvsCall } from './kvs-call';

/** One secret per installation, in KVS secret storage (encrypted, never returned by queries). */
const SECRET_KEY = 'webhook:escalations:secret';
/** When it was created, in ordinary storage, so the settings page can say a secret exists without reading it. */
const CREATED_KEY = 'webhook:escalations:created';

export class KvsWebhookSecretStore implements WebhookSecretStore {
  async get(): Promise<string | null> {
    const secret = await kvsCall('web trigger secret read', () => kvs.getSecret<string>(SECRET_KEY));
    return typeof secret === 'string' && secret.length > 0 ? secret : null;
  }

  async createdAt(): Promise<string | null> {
    const at = await kvsCall('web trigger secret date read', () => kvs.get<string>(CREATED_KEY));
    return typeof at === 'string' ? at : null;
  }

  async replace(secret: string, createdAt: string): Promise<void> {
    await kvsCall('web trigger secret write', () => kvs.setSecret(SECRET_KEY, secret));
    await kvsCall('web trigger secret date write', () => kvs.set(CREATED_KEY, createdAt));
  }
}
