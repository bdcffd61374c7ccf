import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { RiskLedgerStore } from '../../../application/risks/ports';
import type { RiskLedger } from '../../../domain/risks/authority';
import { kvsCall } from '../kvs-call';

/** The risk acceptances' proof in Forge KVS, which only the app can reach: one key per issue id (ADR 0008). */
const ledgerKey = (issueId: string): string => `authority:risks:${issueId}`;

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const storedLedger = z.object({
  registerRev: z.number().int().nonnegative(),
  registerDigest: sha,
  acceptances: z.array(z.object({ riskId: z.string().min(1), accountId: z.string().min(1), at: z.string(), ratingDigest: sha })),
});

export class KvsRiskLedgerStore implements RiskLedgerStore {
  async get(issueId: string): Promise<RiskLedger | null> {
    const parsed = storedLedger.safeParse(await kvsCall('ledger read', () => kvs.get(ledgerKey(issueId))));
    // A damaged ledger proves nothing: the register then counts as changed outside the app.
    return parsed.success ? parsed.data : null;
  }

  async set(issueId: string, ledger: RiskLedger | null): Promise<void> {
    await kvsCall('ledger write', () => (ledger ? kvs.set(ledgerKey(issueId), ledger) : kvs.delete(ledgerKey(issueId))));
  }
}
