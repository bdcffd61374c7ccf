import type { PortfolioRiskDto, RatingDto, RiskCategoryDto, RoamStateDto } from '../../../../src/shared/contract/risks';

/** Which rating the heat map places a risk by: before any response, or after it (a mitigated risk's residual). */
export type MatrixMode = 'inherent' | 'residual';

export interface Cell {
  likelihood: number;
  impact: number;
}

export interface RiskFilters {
  cell: Cell | null;
  rating: RatingDto | null;
  roam: RoamStateDto | null;
  owner: string | null;
  team: string | null;
  release: string | null;
  category: RiskCategoryDto | null;
}

export const NO_FILTERS: RiskFilters = { cell: null, rating: null, roam: null, owner: null, team: null, release: null, category: null };

export const isOpen = (r: PortfolioRiskDto): boolean => r.risk.roam.state !== 'RESOLVED';

/** The cell a risk sits in under the mode. */
export function cellOf(r: PortfolioRiskDto, mode: MatrixMode): Cell {
  const { risk } = r;
  if (mode === 'residual' && risk.roam.state === 'MITIGATED') return risk.roam.residual;
  return { likelihood: risk.likelihood, impact: risk.impact };
}

/** The rating a risk counts with under the mode. */
export const ratingIn = (r: PortfolioRiskDto, mode: MatrixMode): RatingDto => (mode === 'residual' ? r.risk.currentRating : r.risk.rating);

export const ownerOf = (r: PortfolioRiskDto): string | null => (r.risk.roam.state === 'OWNED' ? r.risk.roam.owner.displayName : null);

/** The risks that pass every filter set (the cell filter under the heat map's mode). */
export function applyFilters(risks: PortfolioRiskDto[], f: RiskFilters, mode: MatrixMode): PortfolioRiskDto[] {
  return risks.filter((r) => {
    const cell = cellOf(r, mode);
    return (
      (!f.cell || (isOpen(r) && cell.likelihood === f.cell.likelihood && cell.impact === f.cell.impact)) &&
      (!f.rating || ratingIn(r, mode) === f.rating) &&
      (!f.roam || r.risk.roam.state === f.roam) &&
      (!f.owner || ownerOf(r) === f.owner) &&
      (!f.team || r.issue.team === f.team) &&
      (!f.release || r.issue.releases.includes(f.release)) &&
      (!f.category || r.risk.category === f.category)
    );
  });
}

/** Open risks per cell ("l-i" to count) under the mode. */
export function heatCounts(risks: PortfolioRiskDto[], mode: MatrixMode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of risks.filter(isOpen)) {
    const c = cellOf(r, mode);
    const key = `${c.likelihood}-${c.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The distinct values of a field across the risks, sorted, for a filter's options. */
export const distinct = (values: Array<string | null>): string[] => [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b));
