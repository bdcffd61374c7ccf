import { makeInvoke } from '@forge/bridge';
import type { IssueContextDefs } from '../../../src/shared/contract/issue-context';

/** Typed calls to this surface's resolver: its contract in src/shared/contract is the single source of truth. */
export const invoke = makeInvoke<IssueContextDefs>();
