import { faultMatrix } from '../support/fault-matrix';
import { PLANNING_WRITE_PATHS } from '../support/fault-paths-planning';

/** Issue 14, item 2: the planning record's spec edit under every injected fault. */
faultMatrix(PLANNING_WRITE_PATHS);
