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

export const notFound = (what: string): AppFailure => new AppFailure('NOT_FOUND', `${what} does not exist or you do not have permission to see it.`);
export const invalidInput = (message: string): AppFailure => new AppFailure('INVALID_INPUT', message);
export const forbidden = (message: string): AppFailure => new AppFailure('FORBIDDEN', message);
