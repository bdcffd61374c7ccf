import { z } from 'zod';
import { AppFailure, invalidInput } from '../../../application/shared/errors';

/**
 * What the resolvers take from the Forge invocation context. The issue or project always comes from the
 * context Jira supplies for the module, never from the UI's payload, so a user cannot point a panel at an
 * issue it is not showing.
 */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,9}-[1-9][0-9]{0,9}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/;

const contextSchema = z.object({
  accountId: z.string().min(1).optional(),
  extension: z
    .object({
      type: z.string(),
      issue: z.object({ key: z.string() }).optional(),
      project: z.object({ key: z.string() }).optional(),
    })
    .optional(),
});

export function issueKeyFrom(context: unknown): string {
  const parsed = contextSchema.safeParse(context);
  const key = parsed.success ? parsed.data.extension?.issue?.key : undefined;
  if (!key || !ISSUE_KEY.test(key)) throw invalidInput('This function only runs on an issue: the context has no valid issue key.');
  return key;
}

export function projectKeyFrom(context: unknown): string {
  const parsed = contextSchema.safeParse(context);
  const key = parsed.success ? (parsed.data.extension?.project?.key ?? parsed.data.extension?.issue?.key?.split('-')[0]) : undefined;
  if (!key || !PROJECT_KEY.test(key)) throw invalidInput('This function only runs in a project: the context has no valid project key.');
  return key;
}

/** The acting user, as Forge supplies it to resolvers (never from the payload). */
export function accountIdFrom(context: unknown): string {
  const parsed = contextSchema.safeParse(context);
  const id = parsed.success ? parsed.data.accountId : undefined;
  if (!id) throw new AppFailure('FORBIDDEN', 'Sign in to Jira to use Planning Readiness.');
  return id;
}
