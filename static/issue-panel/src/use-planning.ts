import { useCallback, useEffect, useState } from 'react';
import type { AppError, PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/common';
import { bridgeFailure, invoke } from '../../shared/api';
import { announceRecordChanged } from '../../shared/record-events';

export type Outcome = { ok: true; changed: boolean } | { ok: false; error: AppError };

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
          setView((v) => (v ? { ...v, record: r.data.record } : v));
          if (r.data.changed) announceRecordChanged(view.item.key);
          // The estimate's reconciliation and the rights are computed by the server: refresh them quietly.
          if (operation.type.startsWith('estimate.') || operation.type === 'spec.approve') void load();
          return { ok: true, changed: r.data.changed };
        }
        // Reload before reporting, so that saving again starts from the revision the user now sees.
        if (r.error.code === 'CONFLICT') await load();
        return { ok: false, error: r.error };
      } catch (e) {
        return { ok: false, error: bridgeFailure(e) };
      }
    },
    [view, load],
  );

  return { view, loadError, reload: load, apply };
}
