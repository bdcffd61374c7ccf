import type { RiskLedger } from '../../domain/risks/authority';
import type { RiskRegister } from '../../domain/risks/model';
import type { RiskSettings } from '../../domain/risks/settings';
import type { ScanResult } from '../portfolio/ports';

export type RegisterRead = { ok: true; register: RiskRegister } | { ok: false; reason: string };

/** The risk register as stored on the issue; the adapter owns the stored format. */
export interface RiskRegisterStore {
  load(issueIdOrKey: string): Promise<RegisterRead>;
  save(issueIdOrKey: string, register: RiskRegister): Promise<void>;
}

/** The app's proof of what it last wrote per issue, acceptances included (keyed by issue id). */
export interface RiskLedgerStore {
  get(issueId: string): Promise<RiskLedger | null>;
  set(issueId: string, ledger: RiskLedger | null): Promise<void>;
}

/** A project's risk scales and thresholds, kept by the app. */
export interface RiskSettingsStore {
  get(projectKey: string): Promise<RiskSettings>;
  save(projectKey: string, settings: RiskSettings): Promise<void>;
}

/** One planning item of the portfolio with its raw stored register. */
export interface RiskPortfolioIssue {
  id: string;
  key: string;
  summary: string;
  team: string | null;
  releases: string[];
  /** The raw property value (undefined when the item has no register). */
  register: unknown;
}

/** Reads the registers of a project's planning items at scale (the portfolio scan, as the user). */
export interface RiskPortfolioSource {
  scan(jql: string): Promise<Omit<ScanResult, 'issues'> & { issues: RiskPortfolioIssue[] }>;
  parse(raw: unknown): RegisterRead;
}
