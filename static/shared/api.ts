import { makeInvoke } from '@forge/bridge';
import type { AppError, ResolverDefs, Result } from '../../src/shared/contract/common';

/** Typed calls to the app's resolvers: the contract in src/shared is the single source of truth. */
export const invoke = makeInvoke<ResolverDefs>();

export type { AppError, Result };

/** The bridge rejects when the function itself fails (timeout, crash): shown as a generic, retryable error. */
export function bridgeFailure(e: unknown): AppError {
  return { code: 'UNAVAILABLE', message: e instanceof Error && e.message ? `Could not reach the app: ${e.message}` : 'Could not reach the app. Try again.' };
}
