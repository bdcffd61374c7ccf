import type { PortfolioView } from '../../../application/portfolio/portfolio-view';
import type { PortfolioRow } from '../../../domain/portfolio/row';
import type { PortfolioRowDto, PortfolioViewDto } from '../../../shared/contract/project-page';

/** Domain rows and views to the readiness page's wire DTOs. */
export function toPortfolioRowDto(row: PortfolioRow): PortfolioRowDto {
  const f = row.facts;
  return {
    id: row.id,
    key: row.key,
    summary: row.summary,
    projectKey: row.projectKey,
    issueType: row.issueType,
    status: row.status,
    team: row.team,
    releases: row.releases,
    parentKey: row.parentKey,
    readiness: f?.readiness ? { score: f.readiness.score, state: f.readiness.state, reasons: f.readiness.reasons.map((r) => ({ ...r })) } : null,
    specStatus: f ? f.specStatus : null,
    changedOutsideApp: f?.changedOutsideApp === 1,
    estimateConfidence: f?.estimateConfidence ?? null,
    dependencies: f ? { ...f.dependencies } : null,
    risks: f ? { ...f.risks } : null,
    impediments: f ? f.impediments.open : null,
  };
}

export function toPortfolioViewDto(view: PortfolioView): PortfolioViewDto {
  return {
    project: view.project,
    source: view.source,
    rows: view.rows.map(toPortfolioRowDto),
    tiles: view.tiles,
    warnings: view.warnings,
    unreadCount: view.unreadCount,
    computeMs: view.computeMs,
    trend: view.trend,
    baseline: view.baseline,
  };
}
