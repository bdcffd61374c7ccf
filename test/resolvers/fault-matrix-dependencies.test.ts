import { faultMatrix } from '../support/fault-matrix';
import { DEPENDENCY_WRITE_PATHS } from '../support/fault-paths-dependencies';

/** Issue 14, item 2: the dependencies' writes (add, and the provider's commit, decline and delivery) under every injected fault. */
faultMatrix(DEPENDENCY_WRITE_PATHS);
