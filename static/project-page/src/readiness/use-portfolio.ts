import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/api';
import { bridgeFailure } from '../../../shared/api';
import type { PortfolioScopeDto, PortfolioViewDto } from '../../../../src/shared/contract/project-page';
import { invoke } from '../api';

export interface PortfolioState {
  /** What is on screen: the snapshot until the fresh view arrives, then the fresh view. */
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
 * Paints first from the last daily snapshot, then refreshes with the user's own fresh read; both are asked
 * at once and a snapshot arriving after the fresh view is ignored. A newer scope drops older answers.
 */
export function usePortfolio(scope: PortfolioScopeDto): PortfolioState {
  const [shown, setShown] = useState<PortfolioViewDto | null>(null);
  const [trend, setTrend] = useState<PortfolioViewDto['trend'] | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const ticket = useRef(0);
  const scopeText = JSON.stringify(scope);

  const load = useCallback((withSnapshot: boolean) => {
    const mine = ++ticket.current;
    let freshArrived = false;
    setRefreshing(true);
    setError(null);
    if (withSnapshot) {
      invoke('portfolio.snapshot', { scope }).then(
        (r) => {
          if (mine !== ticket.current || !r.ok) return;
          setTrend(r.data?.trend ?? null);
          if (!freshArrived && r.data) setShown(r.data);
        },
        () => undefined,
      );
    }
    void invoke('portfolio.view', { scope })
      .catch((e: unknown) => ({ ok: false as const, error: bridgeFailure(e) }))
      .then((r) => {
        if (mine !== ticket.current) return;
        freshArrived = true;
        setRefreshing(false);
        if (r.ok) setShown(r.data);
        else setError(r.error);
      });
    // The scope's text stands for the scope: a new object with the same content loads nothing new.
  }, [scopeText]);

  useEffect(() => {
    setShown(null);
    setTrend(null);
    load(true);
  }, [load]);

  const replace = useCallback((view: PortfolioViewDto) => {
    ticket.current++;
    setRefreshing(false);
    setShown(view);
  }, []);

  return { shown, trend, refreshing, error, refresh: () => load(false), replace };
}
