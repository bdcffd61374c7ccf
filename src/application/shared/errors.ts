import type { AppError, ErrorCode } from '../../shared/contract/common';

/** An expected failure, returned to the UI with a stable code. Anything else is an internal error. */
export class AppFailure extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly conflict?: AppError['conflict']) {
    super(message);
    this.name = 'AppFailure';
  }

  toError(): AppError {
    return { code: this.code, message: this.message, ...(this.conflict ? { conflict: this.conflict } : {}) };
  }
}

/**
 * A write whose outcome is not known yet: Jira has not answered in the time the app has. `settled`
 * resolves once the request finishes either way, so the lease is kept until then.
 */
export class UnconfirmedWrite extends AppFailure {
  constructor(readonly settled: Promise<unknown>) {
    super('UNCONFIRMED', 'Jira has not confirmed the save yet: it may still land. The panel will show what was stored in a few seconds; your text is kept here.');
    this.name = 'UnconfirmedWrite';
  }
}

export const notFound = (what: string): AppFailure => new AppFailure('NOT_FOUND', `${what} does not exist or you do not have permission to see it.`);
export const invalidInput = (message: string): AppFailure => new AppFailure('INVALID_INPUT', message);
export const forbidden = (message: string): AppFailure => new AppFailure('FORBIDDEN', message);
export const storageUnavailable = (): AppFailure => new AppFailure('UNAVAILABLE', "The app's storage is unavailable, so nothing was saved. Try again in a moment.");
export const jiraUnavailable = (what = 'nothing was saved'): AppFailure => new AppFailure('UNAVAILABLE', `Jira is busy or unavailable, so ${what}. Try again in a moment.`);
