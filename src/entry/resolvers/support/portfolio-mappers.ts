import type { PortfolioView } from '../../../application/portfolio/portfolio-view';
import type { PortfolioRow } from '../../../domain/portfolio/row';
import type { PortfolioRowDto, PortfolioViewDto } from '../../../shared/contract/project-page';
import { DEFAULT_QUERY, sortRows } from '../../../shared/portfolio/table-query';
import { estimateCheckOf } from '../../../domain/portfolio/estimate-check';
import { criterionTitle } from '../../../domain/portfolio/reasons';

function estimateCheckDto(facts: PortfolioRow['facts']): PortfolioRowDto['estimateCheck'] {
  const check = estimateCheckOf(facts);
  return check && { agreement: check.agreement, stories: check.stories, estimatedStories: check.estimatedStories, estimate: check.estimate && { ...check.estimate }, bottomUpPoints: check.bottomUpPoints };
}

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
    teamId: row.teamId,
    releases: row.releases,
    parentKey: row.parentKey,
    readiness: f?.readiness ? { score: f.readiness.score, state: f.readiness.state, reasons: f.readiness.reasons.map((r) => ({ ...r, title: criterionTitle(r.criterion) })) } : null,
    specStatus: f ? f.specStatus : null,
    changedOutsideApp: f?.changedOutsideApp === 1,
    estimateConfidence: f?.estimateConfidence ?? null,
    estimateCheck: estimateCheckDto(f),
    dependencies: f ? { ...f.dependencies } : null,
    risks: f ? { ...f.risks } : null,
    impediments: f ? f.impediments.open : null,
  };
}

/**
 * The view's DTO; `firstRows` sends only that many rows, the first in the table's default order (the
 * least ready first), so the first paint's answer stays a few KB whatever the program's size.
 */
export function toPortfolioViewDto(view: PortfolioView, firstRows = Number.POSITIVE_INFINITY): PortfolioViewDto {
  const rows = view.rows.map(toPortfolioRowDto);
  return {
    project: view.project,
    source: view.source,
    rows: rows.length > firstRows ? sortRows(rows, DEFAULT_QUERY.sort).slice(0, firstRows) : rows,
    rowsTotal: rows.length,
    tiles: view.tiles,
    warnings: view.warnings,
    unreadCount: view.unreadCount,
    computeMs: view.computeMs,
    trend: view.trend,
    baseline: view.baseline,
    canEdit: view.canEdit,
  };
}
