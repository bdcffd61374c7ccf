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

/** The first problem of an input, naming the field. */
export function inputProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`;
}

/** The project page's follow-up of one impediment. */
export const followUpPayloadSchema = z
  .object({
    itemKey: z.string().regex(ISSUE_KEY, 'an issue key'),
    impedimentId: z.string().min(1).max(300),
    owner: z.string().min(1).max(128).nullable().optional(),
    nextStep: z
      .string()
      .trim()
      .max(MAX_REASON, `at most ${MAX_REASON} characters`)
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional(),
    discussed: z.boolean().optional(),
  })
  .strict();

/** The settings section; the domain checks the values' rules after this. */
export const escalationSettingsPayloadSchema = z
  .object({
    rules: z.object({ FLAGGED: z.boolean(), PRIORITY_HIGHEST: z.boolean(), LABEL: z.boolean(), BLOCKED_BY: z.boolean() }).strict(),
    label: z.string().trim(),
    slaWorkingDays: z.number(),
    commentOnRaise: z.boolean(),
    fieldSignal: z.enum(['NONE', 'LABEL', 'FLAG']),
    signalLabel: z.string().trim(),
  })
  .strict();

/** The settings' rules, for the settings page to check exactly as the server does. */
export { escalationSettingsProblem } from '../../domain/impediments/settings';

/** What a page showed before a change that replaces it (a meeting's close, the secret's creation), or 'none'. */
export const previousPayloadSchema = z.object({ previous: z.union([z.literal('none'), z.iso.datetime()]) }).strict();
