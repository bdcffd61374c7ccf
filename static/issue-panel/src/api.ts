import { makeInvoke } from '@forge/bridge';
import type { IssuePanelDefs } from '../../../src/shared/contract/issue-panel';

/** Typed calls to this surface's resolver: its contract in src/shared/contract is the single source of truth. */
export const invoke = makeInvoke<IssuePanelDefs>();
