import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { DependencyLedgerStore, DependencySettingsStore } from '../../application/dependencies/ports';
import type { DependencyLedger } from '../../domain/dependencies/authority';
import { DEFAULT_DEPENDENCY_SETTINGS, type DependencySettings } from '../../domain/dependencies/settings';
import { kvsCall } from './kvs-call';

const digest = z.string().regex(/^[0-9a-f]{64}$/);
const storedLedger = z.object({ recordRev: z.number().int().nonnegative(), recordDigest: digest, decisions: z.record(z.string(), digest) });
const storedSettings = z.object({ linkTypes: z.array(z.object({ name: z.string().min(1), dependentReads: z.enum(['inward', 'outward']) })).min(1) });

/** The dependencies' authority ledger (ADR 0007): only the app can read or write it. */
export class KvsDependencyLedgerStore implements DependencyLedgerStore {
  async get(issueId: string): Promise<DependencyLedger | null> {
    const parsed = storedLedger.safeParse(await kvsCall('dependency ledger read', () => kvs.get(`authority:dependencies:${issueId}`)));
    return parsed.success ? parsed.data : null;
  }

  async set(issueId: string, ledger: DependencyLedger | null): Promise<void> {
    const key = `authority:dependencies:${issueId}`;
    await kvsCall('dependency ledger write', () => (ledger ? kvs.set(key, ledger) : kvs.delete(key)));
  }
}

/** The link types that mean "depends on", per project (`settings:dependencies:<projectKey>`). */
export class KvsDependencySettingsStore implements DependencySettingsStore {
  async get(projectKey: string): Promise<DependencySettings> {
    const parsed = storedSettings.safeParse(await kvsCall('dependency settings read', () => kvs.get(`settings:dependencies:${projectKey}`)));
    return parsed.success ? parsed.data : DEFAULT_DEPENDENCY_SETTINGS;
  }

  async save(projectKey: string, settings: DependencySettings): Promise<void> {
    await kvsCall('dependency settings write', () => kvs.set(`settings:dependencies:${projectKey}`, settings));
  }
}
