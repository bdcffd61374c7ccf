import { userJqlError } from '../../domain/portfolio/scope-jql-error';
import type { PortfolioScope } from '../../shared/portfolio/scope-rules';
import { AppFailure, invalidInput } from '../shared/errors';

/** Runs a read of a scope's query; Jira's refusal of the user's own JQL is told against what they typed. */
export async function readingUserJql<T>(jql: string, scope: PortfolioScope, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'INVALID_INPUT') throw invalidInput(userJqlError(e.message, jql, scope.jql));
    throw e;
  }
}
