import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/contract/common';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { bridgeFailure } from '../../shared/api';
import { invoke } from './api';
import { announceRecordChanged } from '../../shared/record-events';

/** How long after an unconfirmed save the panel reloads to show what was stored. */
const UNCONFIRMED_RELOAD_MS = 5_000;

export type Outcome = { ok: true; changed: boolean; warnings: string[] } | { ok: false; error: AppError };

/**
 * The planning view of this issue and the way to change it: one item-level operation at a time, sent with
 * the revision the user is looking at. After a conflict the view reloads (the editor keeps its draft).
 */
export function usePlanning() {
  const [view, setView] = useState<PlanningViewDto | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await invoke('planning.getView');
      if (r.ok) {
        setView(r.data);
        setLoadError(null);
      } else setLoadError(r.error);
    } catch (e) {
      setLoadError(bridgeFailure(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = useCallback(
    async (operation: PlanningOperationDto): Promise<Outcome> => {
      if (!view) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Still loading.' } };
      try {
        const r = await invoke('planning.update', { baseRev: view.record.rev, operation });
        if (r.ok) {
          // The answer is the whole view after the save (reconciliation and rights included): no reload.
          setView(r.data.view);
          if (r.data.changed) announceRecordChanged(view.item.key);
          return { ok: true, changed: r.data.changed, warnings: r.data.warnings };
        }
        // Reload before reporting, so that saving again starts from the revision the user now sees.
        if (r.error.code === 'CONFLICT') await load();
        // Jira has not confirmed the save yet: show what was stored once it has had time to land.
        if (r.error.code === 'UNCONFIRMED') setTimeout(() => void load(), UNCONFIRMED_RELOAD_MS);
        return { ok: false, error: r.error };
      } catch (e) {
        return { ok: false, error: bridgeFailure(e) };
      }
    },
    [view, load],
  );

  return { view, loadError, reload: load, apply };
}
