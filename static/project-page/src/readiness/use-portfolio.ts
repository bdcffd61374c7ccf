import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/api';
import { bridgeFailure } from '../../../shared/api';
import type { PortfolioScopeDto, PortfolioViewDto } from '../../../../src/shared/contract/project-page';
import { invoke } from '../api';
import { snapshotFor } from './first-paint';

/** At the latest after this long: a page in a background tab gets no animation frames. */
const PAINT_WAIT_MAX_MS = 250;

/** Runs `fn` once, when the browser has painted what is on screen now (the next frame, then a task). */
function afterPaint(fn: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, PAINT_WAIT_MAX_MS);
}

export interface PortfolioState {
  /**
   * What is on screen: the snapshot until the fresh view arrives, then the fresh view. A new scope keeps
   * the last view on screen until its own answer comes, so a scope Jira refuses leaves the view in place.
   */
  shown: PortfolioViewDto | null;
  /** The trend comes with the snapshot (where the app can tell whether the user sees all it counts). */
  trend: PortfolioViewDto['trend'] | null;
  refreshing: boolean;
  error: AppError | null;
  refresh: () => void;
  /** Shows a view the app answered with (after "Commit the plan") without another read. */
  replace: (view: PortfolioViewDto) => void;
}

/**
 * Paints first from the last daily snapshot, then refreshes with the user's own fresh read, asked once the
 * snapshot has answered (or failed) and its rows are painted. A newer scope drops older answers.
 */
export function usePortfolio(scope: PortfolioScopeDto): PortfolioState {
  const [shown, setShown] = useState<PortfolioViewDto | null>(null);
  const [trend, setTrend] = useState<PortfolioViewDto['trend'] | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const ticket = useRef(0);
  // Whether the user may edit, once any answer said so: later fresh reads need not ask Jira again.
  const canEdit = useRef<boolean | null>(null);
  const scopeText = JSON.stringify(scope);
  const show = useCallback((view: PortfolioViewDto) => {
    if (view.canEdit !== null) canEdit.current = view.canEdit;
    setShown({ ...view, canEdit: view.canEdit ?? canEdit.current });
  }, []);

  const load = useCallback((withSnapshot: boolean) => {
    const mine = ++ticket.current;
    setRefreshing(true);
    setError(null);
    const fresh = (): void =>
      void invoke('portfolio.view', { scope, withAccess: canEdit.current === null })
        .catch((e: unknown) => ({ ok: false as const, error: bridgeFailure(e) }))
        .then((r) => {
          if (mine !== ticket.current) return;
          setRefreshing(false);
          if (r.ok) show(r.data);
          else setError(r.error);
        });
    if (!withSnapshot) return fresh();
    // The snapshot first (2 Jira calls whatever the size), then the fresh read (52 at 5,000 items): asked at
    // once, the fresh read's batches would hold up the first paint on the same site's rate and resources.
    void snapshotFor(scope)
      .then(
        (r) => {
          if (mine !== ticket.current || !r.ok) return;
          setTrend(r.data?.trend ?? null);
          if (r.data) show(r.data);
        },
        () => undefined,
      )
      // The fresh read's answer (2 MB at 5,000 items) and the Jira site's work on it would compete with
      // the first rows' render for the same cores: it starts once they are on screen.
      .then(() => afterPaint(() => {
        if (mine === ticket.current) fresh();
      }));
    // The scope's text stands for the scope: a new object with the same content loads nothing new.
  }, [scopeText]);

  useEffect(() => {
    setTrend(null);
    load(true);
  }, [load]);

  const replace = useCallback((view: PortfolioViewDto) => {
    ticket.current++;
    setRefreshing(false);
    show(view);
  }, [show]);

  return { shown, trend, refreshing, error, refresh: () => load(false), replace };
}
