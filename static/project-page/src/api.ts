import { makeInvoke } from '@forge/bridge';
import type { ProjectPageDefs } from '../../../src/shared/contract/project-page';

/** Typed calls to this surface's resolver: its contract in src/shared/contract is the single source of truth. */
export const invoke = makeInvoke<ProjectPageDefs>();
