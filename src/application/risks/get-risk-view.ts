import type { RiskCounts } from '../../domain/item-summary/item-summary';
import type { RiskIntegrity } from '../../domain/risks/authority';
import { riskCounts } from '../../domain/risks/counts';
import type { RiskRegister } from '../../domain/risks/model';
import type { RiskSettings } from '../../domain/risks/settings';
import type { WorkItem } from '../../domain/work-item/work-item';
import { loadRiskContext, type RiskContext, type RiskContextDeps } from './risk-context';
import { readVerifiedRegister, type VerifiedRegister, type VerifiedRegisterDeps } from './verified-register';

export interface RiskView {
  item: WorkItem;
  /** The register as it counts. */
  register: RiskRegister;
  integrity: RiskIntegrity;
  /** Set when the stored register cannot be read: shown as unavailable and never overwritten. */
  problem: string | null;
  canEdit: boolean;
  settings: RiskSettings;
  counts: RiskCounts;
}

export type RiskViewDeps = RiskContextDeps & VerifiedRegisterDeps;

export function assembleRiskView(context: RiskContext, verified: VerifiedRegister): RiskView {
  return {
    item: context.item,
    register: verified.effective,
    integrity: verified.integrity,
    problem: verified.problem,
    canEdit: context.canEdit && verified.problem === null,
    settings: context.settings,
    counts: riskCounts(verified.effective, context.settings.thresholds),
  };
}

/** Everything the Risks tab shows for one epic or feature. */
export async function getRiskView(deps: RiskViewDeps, issueKey: string): Promise<RiskView> {
  const context = await loadRiskContext(deps, issueKey);
  return assembleRiskView(context, await readVerifiedRegister(deps, context.item.id));
}
