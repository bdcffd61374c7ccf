import { makeInvoke } from '@forge/bridge';
import type { ReleaseTrainDefs } from '../../../../src/shared/contract/release-train';

/** Typed calls to the global page's resolver (the release train): the readiness view's functions and its releases. */
export const invokeTrain = makeInvoke<ReleaseTrainDefs>();
