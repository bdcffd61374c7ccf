import { z } from 'zod';
import { AppFailure, invalidInput } from '../../../application/shared/errors';
import type { Result } from '../../../shared/contract/common';

/** Runs one resolver body and shapes its answer into the Result envelope; unexpected errors are logged. */
export async function respond<T>(functionKey: string, body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (e) {
    if (e instanceof AppFailure) return { ok: false, error: e.toError() };
    console.error(`[${functionKey}] unexpected error`, e instanceof Error ? e.stack ?? e.message : e);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again; if it keeps happening, tell your Jira admin.' } };
  }
}

/** Validates a UI payload; the message names the offending field. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw invalidInput(`${where}${issue?.message ?? 'invalid request'}`);
  }
  return result.data;
}
