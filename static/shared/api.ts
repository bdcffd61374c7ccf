import type { AppError, Result } from '../../src/shared/contract/common';

/**
 * What every Custom UI app shares about resolver calls. Each app makes its own typed `invoke` from its
 * surface's contract (`makeInvoke<IssuePanelDefs>()` and so on) in `src/api.ts`.
 */
export type { AppError, Result };

/** The bridge rejects when the function itself fails (timeout, crash): shown as a generic, retryable error. */
export function bridgeFailure(e: unknown): AppError {
  return { code: 'UNAVAILABLE', message: e instanceof Error && e.message ? `Could not reach the app: ${e.message}` : 'Could not reach the app. Try again.' };
}
