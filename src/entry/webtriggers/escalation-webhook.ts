import { receiveWebhook } from '../../application/impediments/receive-webhook';
import { asAppEscalationDeps } from '../../composition';

/**
 * The `webtrigger` for outside systems and "Send web request" rules: a signed POST escalates an issue (see
 * src/domain/impediments/webhook-request.ts and README "Escalations"). Answers JSON; never logs the body,
 * the signature or the secret.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger/
 */
interface WebTriggerRequest {
  method?: string;
  headers?: Record<string, string[] | undefined>;
  body?: string;
}

const json = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(body) });

export async function escalationWebhook(request: WebTriggerRequest): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  if ((request.method ?? 'POST').toUpperCase() !== 'POST') return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Send a POST.' } });
  const headers = new Map(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v?.[0]]));
  try {
    const answer = await receiveWebhook(asAppEscalationDeps(), { header: (name) => headers.get(name), body: request.body ?? '' });
    console.info(`[escalation-webhook] answered ${answer.status}${answer.status >= 400 ? ` ${String((answer.body.error as { code?: string } | undefined)?.code)}` : ''}`);
    return json(answer.status, answer.body);
  } catch (e) {
    console.error('[escalation-webhook] unexpected error', e instanceof Error ? e.message : String(e));
    return json(500, { error: { code: 'INTERNAL', message: 'Something went wrong in the app; nothing was escalated. Try again.' } });
  }
}
