import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { AuthorityLedgerStore } from '../../application/planning/ports';
import type { AuthorityLedger } from '../../domain/planning-record/authority';
import { kvsCall } from './kvs-call';

/**
 * The authority ledger in Forge KVS, which only the app can read or write: one key per issue id.
 * See ADR 0003.
 */
const ledgerKey = (issueId: string): string => `authority:planning:${issueId}`;

const storedLedger = z.object({
  recordRev: z.number().int().nonnegative(),
  recordDigest: z.string().regex(/^[0-9a-f]{64}$/),
  approval: z.object({ accountId: z.string().min(1), at: z.string(), specDigest: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
});

export class KvsAuthorityLedgerStore implements AuthorityLedgerStore {
  async get(issueId: string): Promise<AuthorityLedger | null> {
    const raw = await kvsCall('ledger read', () => kvs.get(ledgerKey(issueId)));
    const parsed = storedLedger.safeParse(raw);
    // A damaged ledger proves nothing: the record is then treated as changed outside the app.
    return parsed.success ? parsed.data : null;
  }

  async set(issueId: string, ledger: AuthorityLedger | null): Promise<void> {
    await kvsCall('ledger write', () => (ledger ? kvs.set(ledgerKey(issueId), ledger) : kvs.delete(ledgerKey(issueId))));
  }
}
