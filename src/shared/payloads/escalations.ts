import { z } from 'zod';
import { SEVERITIES } from '../../domain/impediments/model';

/**
 * Inputs of an explicit escalation, validated the same way for the Automation action, the web trigger and
 * the project page. Automation passes every input as a string.
 */
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,9}-[1-9][0-9]{0,9}$/;
export const MAX_REASON = 500;

export const escalationInputSchema = z.object({
  issueKey: z
    .string()
    .trim()
    .transform((k) => k.toUpperCase())
    .pipe(z.string().regex(ISSUE_KEY, 'an issue key such as PAY-12 (in a rule: {{issue.key}})')),
  reason: z.string().trim().max(MAX_REASON, `at most ${MAX_REASON} characters`).optional().default(''),
  severity: z
    .string()
    .trim()
    .transform((s) => (s === '' ? 'HIGH' : s.toUpperCase()))
    .pipe(z.enum(SEVERITIES, { message: `one of ${SEVERITIES.join(', ')}` }))
    .optional()
    .default('HIGH'),
});
export type EscalationInput = z.infer<typeof escalationInputSchema>;

/** The first problem of an input, naming the field. */
export function inputProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`;
}
