import { faultMatrix } from '../support/fault-matrix';
import { ESCALATION_WRITE_PATHS } from '../support/fault-paths-escalations';

/** Issue 14, item 2: escalating through the Automation action under every injected fault. */
faultMatrix(ESCALATION_WRITE_PATHS);
