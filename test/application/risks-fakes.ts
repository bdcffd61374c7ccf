import { readStoredRegister, toStoredRegister } from '../../src/adapters/jira/risks/stored-format';
import type { RegisterRead, RiskLedgerStore, RiskRegisterStore, RiskSettingsStore } from '../../src/application/risks/ports';
import { AppFailure } from '../../src/application/shared/errors';
import type { RiskLedger } from '../../src/domain/risks/authority';
import type { RiskRegister } from '../../src/domain/risks/model';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../../src/domain/risks/settings';
import { access, ampleDeadline, digest, MemoryLock, MemorySummaryStore, reader, users, workItem } from './fakes';

/** In-memory stand-ins for the risk ports; the register store keeps the stored JSON. */
export class MemoryRiskStore implements RiskRegisterStore {
  readonly saved = new Map<string, unknown>();
  saves = 0;
  failNextSave: Error | null = null;
  async load(issueId: string): Promise<RegisterRead> {
    return readStoredRegister(structuredClone(this.saved.get(issueId)));
  }
  async save(issueId: string, register: RiskRegister): Promise<void> {
    const failure = this.failNextSave;
    this.failNextSave = null;
    if (failure) throw failure;
    this.saves += 1;
    this.saved.set(issueId, structuredClone(toStoredRegister(register)));
  }
}

export class MemoryRiskLedger implements RiskLedgerStore {
  readonly values = new Map<string, RiskLedger>();
  down = false;
  async get(issueId: string): Promise<RiskLedger | null> {
    if (this.down) throw new AppFailure('UNAVAILABLE', 'storage down');
    return structuredClone(this.values.get(issueId) ?? null);
  }
  async set(issueId: string, ledger: RiskLedger | null): Promise<void> {
    if (this.down) throw new AppFailure('UNAVAILABLE', 'storage down');
    if (ledger) this.values.set(issueId, structuredClone(ledger));
    else this.values.delete(issueId);
  }
}

export class MemoryRiskSettings implements RiskSettingsStore {
  readonly values = new Map<string, RiskSettings>();
  async get(projectKey: string): Promise<RiskSettings> {
    return this.values.get(projectKey) ?? DEFAULT_RISK_SETTINGS;
  }
  async save(projectKey: string, settings: RiskSettings): Promise<void> {
    this.values.set(projectKey, settings);
  }
}

export const LENA = { accountId: 'lena', displayName: 'Lena Lead' };
export const ARJUN = { accountId: 'arjun', displayName: 'Arjun Architect' };

/** Everything the risk use cases need, on fakes, for the epic PAY-1 (id 1); `edit`/`admin` set the user's rights. */
export function riskDeps(rights: Partial<{ edit: boolean | null; admin: boolean | null }> = {}) {
  let n = 0;
  return {
    reader: reader(workItem()),
    access: access(rights),
    users: users(LENA, [LENA, ARJUN]),
    riskStore: new MemoryRiskStore(),
    riskLedger: new MemoryRiskLedger(),
    riskSettings: new MemoryRiskSettings(),
    itemSummary: new MemorySummaryStore(),
    lock: new MemoryLock(),
    deadline: ampleDeadline(),
    digest,
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    newId: () => `r${++n}`,
  };
}
