import type { Result } from '../../../../src/shared/contract/common';
import type { PortfolioScopeDto, PortfolioViewDto } from '../../../../src/shared/contract/project-page';
import { EMPTY_SCOPE } from '../../../../src/shared/portfolio/scope-rules';
import { invoke } from '../api';

/**
 * The first paint's snapshot, asked while the page is still starting: the call needs only the whole scope
 * (the resolver takes the project from the context), so it need not wait for the theme, the user's locale
 * and React's first render. Measured at 5,000 items, that wait was a fifth of the time to the first row
 * (docs/PERFORMANCE.md).
 */
type SnapshotAnswer = Promise<Result<PortfolioViewDto | null>>;

let early: SnapshotAnswer | null = null;

export function askSnapshotEarly(): void {
  early = invoke('portfolio.snapshot', { scope: EMPTY_SCOPE });
  // Handled by whoever takes it; a page that never does (the release train) must not log a rejection.
  early.catch(() => undefined);
}

/** The early answer, once, for the scope it was asked for; any other scope (or a second load) asks again. */
export function snapshotFor(scope: PortfolioScopeDto): SnapshotAnswer {
  const taken = early;
  early = null;
  return taken && JSON.stringify(scope) === JSON.stringify(EMPTY_SCOPE) ? taken : invoke('portfolio.snapshot', { scope });
}
