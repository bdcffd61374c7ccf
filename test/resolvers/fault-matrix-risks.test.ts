import { faultMatrix } from '../support/fault-matrix';
import { RISK_WRITE_PATHS } from '../support/fault-paths-risks';

/** Issue 14, item 2: the risk register's writes (add, edit, ROAM, accept) under every injected fault. */
faultMatrix(RISK_WRITE_PATHS);
