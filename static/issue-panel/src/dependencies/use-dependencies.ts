import { useCallback, useState } from 'react';
import type { Result } from '../../../../src/shared/contract/common';
import type { DependencyChangeDto, DependencyViewDto } from '../../../../src/shared/contract/dependencies';
import { announceRecordChanged } from '../../../shared/record-events';
import { useResolver, type ResolverState } from '../../../shared/use-resolver';
import { useSaveAction, type SaveAction } from '../../../shared/use-save-action';
import { invoke } from '../api';

export interface Dependencies {
  view: ResolverState<DependencyViewDto>;
  hops: number;
  setHops: (hops: number) => void;
  save: SaveAction;
  /** Runs one change; the view it answers replaces the shown one. Answers whether it was saved. */
  apply: (call: (hops: number) => Promise<Result<DependencyChangeDto>>) => Promise<boolean>;
}

/** The Dependencies tab's state: the view (with the map `hops` around the issue) and one save at a time. */
export function useDependencies(): Dependencies {
  const [hops, setHops] = useState(2);
  const view = useResolver(() => invoke('dependencies.getView', { hops }), [hops]);
  const save = useSaveAction();
  const apply = useCallback(
    (call: (hops: number) => Promise<Result<DependencyChangeDto>>) =>
      save.run(async () => {
        const r = await call(hops);
        if (!r.ok) return r;
        view.replace(r.data.view);
        if (r.data.changed) announceRecordChanged(r.data.view.item.key);
        return { ok: true, warnings: r.data.warnings };
      }),
    [hops, save, view],
  );
  return { view, hops, setHops, save, apply };
}
