import type { PortfolioRisks } from '../../../application/risks/portfolio-risks';
import type { RiskView } from '../../../application/risks/get-risk-view';
import type { UpdateRisksResult } from '../../../application/risks/update-risks';
import { riskIntegrityMessage } from '../../../domain/risks/authority';
import { RISK_LIMITS, type Risk } from '../../../domain/risks/model';
import { currentRating, ratingOf, riskScore } from '../../../domain/risks/rating';
import type { RiskThresholds } from '../../../domain/risks/settings';
import type { PortfolioRisksDto, RiskDto, RiskViewDto, RisksUpdateDto } from '../../../shared/contract/risks';
import { toWorkItemDto } from './mappers';

/** Domain risks to wire DTOs, rated under the project's thresholds. */
export function toRiskDto(risk: Risk, t: RiskThresholds): RiskDto {
  return {
    id: risk.id,
    title: risk.title,
    description: risk.description,
    category: risk.category,
    likelihood: risk.rating.likelihood,
    impact: risk.rating.impact,
    score: riskScore(risk.rating),
    rating: ratingOf(risk.rating, t),
    roam: structuredClone(risk.roam),
    currentRating: ratingOf(currentRating(risk), t),
    dueDate: risk.dueDate,
    dependencyId: risk.source?.dependencyId ?? null,
    closeProposed: risk.closeProposed,
    created: risk.created,
    updated: risk.updated,
  };
}

export function toRiskViewDto(view: RiskView): RiskViewDto {
  const { integrity, settings } = view;
  return {
    item: toWorkItemDto(view.item),
    rev: view.register.rev,
    risks: view.register.risks.map((r) => toRiskDto(r, settings.thresholds)),
    history: view.register.history.map((h) => ({ ...h })),
    integrity: {
      changedOutsideApp: integrity.changedOutsideApp || integrity.unverifiedAcceptances.length > 0,
      message: riskIntegrityMessage(integrity),
      unverifiedAcceptances: integrity.unverifiedAcceptances,
    },
    problem: view.problem,
    canEdit: view.canEdit,
    settings,
    counts: view.counts,
    limits: { titleChars: RISK_LIMITS.titleChars, descriptionChars: RISK_LIMITS.descriptionChars, planChars: RISK_LIMITS.planChars, noteChars: RISK_LIMITS.noteChars, risks: RISK_LIMITS.risks },
  };
}

export const toRisksUpdateDto = (result: UpdateRisksResult): RisksUpdateDto => ({ changed: result.changed, view: toRiskViewDto(result.view), warnings: result.warnings });

export function toPortfolioRisksDto(p: PortfolioRisks): PortfolioRisksDto {
  return { project: p.project, settings: p.settings, risks: p.risks.map((r) => ({ issue: r.issue, risk: toRiskDto(r.risk, p.settings.thresholds) })), warnings: p.warnings };
}
