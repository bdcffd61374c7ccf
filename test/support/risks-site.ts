import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PortfolioRisksDto, RiskOperationDto, RiskViewDto, RisksUpdateDto } from '../../src/shared/contract/risks';

/** The Risks tab's and the Risks view's resolvers, called as the bridge calls them. */
export const riskView = async (site: LocalSite, issueKey: string, accountId: string): Promise<Result<RiskViewDto>> =>
  (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey }, functionKey: 'risks.getView' }, accountId)) as Result<RiskViewDto>;

export const riskUpdate = async (site: LocalSite, issueKey: string, accountId: string, baseRev: number, operation: RiskOperationDto): Promise<Result<RisksUpdateDto>> =>
  (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey }, functionKey: 'risks.update', payload: { baseRev, operation } }, accountId)) as Result<RisksUpdateDto>;

export const portfolioRisks = async (site: LocalSite, projectKey: string, accountId: string): Promise<Result<PortfolioRisksDto>> =>
  (await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey }, functionKey: 'risks.portfolio' }, accountId)) as Result<PortfolioRisksDto>;

export const addRisk = (title: string, likelihood: number, impact: number): RiskOperationDto => ({
  type: 'risk.add',
  fields: { title, description: '', category: 'technical', dueDate: null },
  rating: { likelihood, impact },
});
