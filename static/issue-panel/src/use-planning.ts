import { useCallback } from 'react';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { announceRecordChanged } from '../../shared/record-events';
import { useResolver, type ResolverState } from '../../shared/use-resolver';
import type { Confirmation, SaveOutcome } from '../../shared/use-save-action';
import { invoke } from './api';
import { operationLanded } from './operation-landed';

/** How long after an unconfirmed save the panel reads the record again: Jira has had time to land it or not. */
const UNCONFIRMED_RELOAD_MS = 5_000;

export type Apply = (operation: PlanningOperationDto) => Promise<SaveOutcome>;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The planning view of this issue and the way to change it: one item-level operation at a time, sent with
 * the revision the user is looking at. A save answers the whole view (one call, no reload). After a conflict
 * the view reloads behind the editor's draft; after an unconfirmed save it reloads a few seconds later and
 * the outcome says whether the change is in what was stored.
 */
export function usePlanning(): { view: ResolverState<PlanningViewDto>; apply: Apply } {
  const view = useResolver(() => invoke('planning.getView'));
  const { reload, replace } = view;
  const shown = view.state === 'ready' ? view.data : null;

  const confirm = useCallback(
    async (operation: PlanningOperationDto): Promise<Confirmation> => {
      await wait(UNCONFIRMED_RELOAD_MS);
      const stored = await reload();
      if (!stored.ok) return 'unknown';
      if (!operationLanded(operation, stored.data)) return 'lost';
      announceRecordChanged(stored.data.item.key);
      return 'landed';
    },
    [reload],
  );

  const apply = useCallback<Apply>(
    async (operation) => {
      if (!shown) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Still loading.' } };
      const r = await invoke('planning.update', { baseRev: shown.record.rev, operation });
      if (r.ok) {
        replace(r.data.view);
        if (r.data.changed) announceRecordChanged(shown.item.key);
        return { ok: true, warnings: r.data.warnings };
      }
      // Reload before reporting, so that saving again starts from the revision the user now sees.
      if (r.error.code === 'CONFLICT') await reload();
      if (r.error.code === 'UNCONFIRMED') return { ok: false, error: r.error, confirmation: confirm(operation) };
      return { ok: false, error: r.error };
    },
    [shown, reload, replace, confirm],
  );

  return { view, apply };
}
