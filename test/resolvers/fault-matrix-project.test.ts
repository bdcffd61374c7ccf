import { faultMatrix } from '../support/fault-matrix';
import { PROJECT_WRITE_PATHS } from '../support/fault-paths-project';

/** Issue 14, item 2: the project's writes (readiness settings, "Commit the plan") under every injected fault. */
faultMatrix(PROJECT_WRITE_PATHS);
