import { z } from 'zod';
import type { ActionModule } from '../../runtime/events/manifest-modules';
import type { Rule } from './rules';

/** A new rule as the automation page (or a script) sends it, validated before it becomes a Rule. */
const trigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue-created') }),
  z.object({ kind: z.literal('issue-updated') }),
  z.object({ kind: z.literal('field-changed'), field: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('issue-flagged') }),
  z.object({ kind: z.literal('issue-transitioned'), toStatus: z.string().trim().min(1).max(100).nullable().default(null) }),
  z.object({ kind: z.literal('issue-linked') }),
  z.object({ kind: z.literal('incoming-webhook') }),
]);

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('app-action'), actionKey: z.string().min(1), inputs: z.record(z.string(), z.string().max(2000)).default({}) }),
  z.object({ kind: z.literal('web-request'), url: z.string().url(), method: z.enum(['GET', 'POST', 'PUT']).default('POST'), body: z.string().max(10_000).default('') }),
]);

export const newRuleSchema = z.object({
  name: z.string().trim().min(1).max(255),
  trigger,
  jql: z.string().trim().max(2000).nullable().default(null).transform((j) => (j === '' ? null : j)),
  action,
  enabled: z.boolean().default(true),
});

/** The rule to add, or the error message for the page. */
export function parseNewRule(body: unknown, actions: ActionModule[], actorAccountId: string): Omit<Rule, 'id' | 'webhookToken'> | string {
  const parsed = newRuleSchema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const rule = parsed.data;
  const { action: chosen } = rule;
  if (chosen.kind === 'app-action' && !actions.some((a) => a.key === chosen.actionKey)) return `The app offers no action '${chosen.actionKey}'.`;
  return { ...rule, actorAccountId };
}
