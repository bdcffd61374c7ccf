import { makeInvoke } from '@forge/bridge';
import type { ProjectSettingsDefs } from '../../../src/shared/contract/project-settings';

/** Typed calls to this surface's resolver: its contract in src/shared/contract is the single source of truth. */
export const invoke = makeInvoke<ProjectSettingsDefs>();
