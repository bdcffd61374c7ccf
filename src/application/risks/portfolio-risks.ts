import type { Digest } from '../../domain/planning-record/authority';
import { effectiveRegister, verifyRegister } from '../../domain/risks/authority';
import type { Risk, RiskRegister } from '../../domain/risks/model';
import { currentRating, ratingOf, type Rating } from '../../domain/risks/rating';
import type { RiskSettings } from '../../domain/risks/settings';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { mapWithConcurrency } from '../../shared/pool';
import { notFound } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { RiskLedgerStore, RiskPortfolioIssue, RiskPortfolioSource, RiskSettingsStore } from './ports';

export interface PortfolioRisk {
  issue: { key: string; summary: string; team: string | null; releases: string[] };
  risk: Risk;
  inherent: Rating;
  /** After the response: the residual rating of a mitigated risk, else the inherent one. */
  current: Rating;
}

export interface PortfolioRisks {
  project: { key: string; name: string };
  settings: RiskSettings;
  risks: PortfolioRisk[];
  /** Items whose register could not be read, by key. */
  unreadable: string[];
  warnings: string[];
}

export interface PortfolioRisksDeps {
  reader: WorkItemReader;
  riskPortfolio: RiskPortfolioSource;
  riskLedger: RiskLedgerStore;
  riskSettings: RiskSettingsStore;
  digest: Digest;
}

/** Ledger reads in flight at once: only items with an acceptance need one. */
const LEDGER_CONCURRENCY = 8;

/**
 * Every risk of a project's epics and features, for the heat map, the portfolio list and the ROAM board.
 * Read as the user with the portfolio scan, so Jira leaves out what they may not browse. Acceptances count
 * only when the app's ledger proves them, as in the panel; only registers that claim one are checked.
 */
export async function listPortfolioRisks(deps: PortfolioRisksDeps, projectKey: string): Promise<PortfolioRisks> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const typeIds = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  const settings = await deps.riskSettings.get(project.key);
  const base = { project: { key: project.key, name: project.name }, settings };
  if (typeIds.length === 0) return { ...base, risks: [], unreadable: [], warnings: [] };
  const scan = await deps.riskPortfolio.scan(`project = "${project.key}" AND issuetype in (${typeIds.join(', ')}) ORDER BY key ASC`);
  const unreadable: string[] = [];
  const withRegisters = scan.issues.flatMap((issue) => {
    const read = deps.riskPortfolio.parse(issue.register);
    if (!read.ok) unreadable.push(issue.key);
    return read.ok && read.register.risks.length > 0 ? [{ issue, register: read.register }] : [];
  });
  const verified = await mapWithConcurrency(withRegisters, LEDGER_CONCURRENCY, (entry) => countable(deps, entry.issue, entry.register));
  const risks = verified.flatMap(({ issue, register }) =>
    register.risks.map((risk) => ({
      issue: { key: issue.key, summary: issue.summary, team: issue.team, releases: issue.releases },
      risk,
      inherent: ratingOf(risk.rating, settings.thresholds),
      current: ratingOf(currentRating(risk), settings.thresholds),
    })),
  );
  const warnings = [...scan.warnings];
  if (unreadable.length > 0) warnings.push(`The risk registers of ${unreadable.join(', ')} cannot be read; open them to see why.`);
  return { ...base, risks, unreadable, warnings };
}

/** The register as it counts: acceptances the ledger does not prove are left unROAMed. */
async function countable(deps: PortfolioRisksDeps, issue: RiskPortfolioIssue, register: RiskRegister): Promise<{ issue: RiskPortfolioIssue; register: RiskRegister }> {
  if (!register.risks.some((r) => r.roam.state === 'ACCEPTED')) return { issue, register };
  const ledger = await deps.riskLedger.get(issue.id).catch(() => null);
  return { issue, register: effectiveRegister(register, verifyRegister(register, ledger, deps.digest)) };
}
