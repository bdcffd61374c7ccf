import { useCallback } from 'react';
import type { RiskOperationDto, RiskViewDto } from '../../../../src/shared/contract/risks';
import { announceRecordChanged } from '../../../shared/record-events';
import { useResolver, type ResolverState } from '../../../shared/use-resolver';
import type { SaveOutcome } from '../../../shared/use-save-action';
import { invoke } from '../api';

/** How long after an unconfirmed save the tab reads the register again (as the Planning tabs do). */
const UNCONFIRMED_RELOAD_MS = 5_000;

export type ApplyRisk = (operation: RiskOperationDto) => Promise<SaveOutcome>;

/**
 * This risk register and the way to change it: one item-level operation at a time, sent with the
 * revision on screen. A save answers the whole view; after a conflict the view reloads, so the next save starts
 * from what is stored now while the form keeps what the user typed. A change tells the side panel to refresh.
 */
export function useRisks(): { view: ResolverState<RiskViewDto>; apply: ApplyRisk } {
  const view = useResolver(() => invoke('risks.getView'));
  const { reload, replace } = view;
  const shown = view.state === 'ready' ? view.data : null;

  const apply = useCallback<ApplyRisk>(
    async (operation) => {
      if (!shown) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Still loading.' } };
      const r = await invoke('risks.update', { baseRev: shown.rev, operation });
      if (r.ok) {
        replace(r.data.view);
        if (r.data.changed) announceRecordChanged(shown.item.key);
        return { ok: true, warnings: r.data.warnings };
      }
      if (r.error.code === 'CONFLICT') await reload();
      // Jira has not confirmed the save: show what was stored once it has had time to land, or not.
      if (r.error.code === 'UNCONFIRMED') setTimeout(() => void reload(), UNCONFIRMED_RELOAD_MS);
      return { ok: false, error: r.error };
    },
    [shown, reload, replace],
  );

  return { view, apply };
}
