import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { ExportFileDto, PortfolioScopeDto, PortfolioViewDto } from '../../src/shared/contract/project-page';

/** The readiness view's resolver functions, called as the project page's bridge calls them. */
export const WHOLE: PortfolioScopeDto = { release: null, issueTypes: [], statuses: [], teams: [], jql: null };
const PAGE = 'planning-readiness-page';

export const portfolioCall = <T>(site: LocalSite, functionKey: string, projectKey: string, accountId: string, payload: unknown): Promise<Result<T>> =>
  site.invoke({ moduleKey: PAGE, context: { projectKey }, functionKey, payload }, accountId) as Promise<Result<T>>;

export const portfolioView = (site: LocalSite, projectKey: string, accountId: string, scope: PortfolioScopeDto = WHOLE): Promise<Result<PortfolioViewDto>> =>
  portfolioCall(site, 'portfolio.view', projectKey, accountId, { scope });

export const portfolioSnapshot = (site: LocalSite, projectKey: string, accountId: string, scope: PortfolioScopeDto = WHOLE): Promise<Result<PortfolioViewDto | null>> =>
  portfolioCall(site, 'portfolio.snapshot', projectKey, accountId, { scope });

export const portfolioCommit = (site: LocalSite, projectKey: string, accountId: string, scope: PortfolioScopeDto = WHOLE): Promise<Result<PortfolioViewDto>> =>
  portfolioCall(site, 'portfolio.commit', projectKey, accountId, { scope });

export const portfolioExport = (site: LocalSite, projectKey: string, accountId: string, format: 'csv' | 'markdown', scope: PortfolioScopeDto = WHOLE): Promise<Result<ExportFileDto>> =>
  portfolioCall(site, 'portfolio.export', projectKey, accountId, { scope, format });

/** Runs the daily snapshot now, as the scheduler would. */
export async function takeSnapshotNow(site: LocalSite): Promise<void> {
  const run = await site.events.runScheduled('portfolio-snapshot');
  if (!run.ok) throw new Error(`The snapshot failed: ${String(run.result)}`);
}
