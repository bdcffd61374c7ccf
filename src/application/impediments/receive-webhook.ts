import { readSignedHeaders, REPLAY_WINDOW_SECONDS, signedMessage } from '../../domain/impediments/webhook-request';
import { escalationInputSchema, inputProblem } from '../../shared/payloads/escalations';
import { AppFailure } from '../shared/errors';
import type { DetectDeps } from './detect-impediments';
import { escalateIssue } from './escalate-issue';
import type { NonceStore, WebhookCrypto, WebhookSecretStore } from './webhook-ports';

export interface WebhookDeps extends DetectDeps {
  webhookSecret: WebhookSecretStore;
  nonces: NonceStore;
  crypto: WebhookCrypto;
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: { error: { code, message } } });

const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, INVALID_INPUT: 422, FORBIDDEN: 403, UNAVAILABLE: 503 };

/**
 * An escalation from an outside system: checks the signature (HMAC-SHA256 over timestamp and body with the
 * installation's secret, compared in constant time), the 5-minute window and that the request was not seen
 * before, then escalates. Every refusal is a 4xx with a JSON error and changes nothing; no answer and no log
 * line contains the secret or the expected signature.
 */
export async function receiveWebhook(deps: WebhookDeps, request: { header: (name: string) => string | undefined; body: string }): Promise<WebhookAnswer> {
  const headers = readSignedHeaders(request.header, deps.now());
  if (!headers.ok) return refuse(headers.problem.status, headers.problem.code, headers.problem.message);
  const secret = await deps.webhookSecret.get();
  if (secret === null) return refuse(401, 'NOT_CONFIGURED', 'This app has no web trigger secret yet: a project administrator creates one in the project settings.');
  if (!deps.crypto.same(deps.crypto.hmacHex(secret, signedMessage(headers.timestamp, request.body)), headers.signature)) {
    return refuse(401, 'BAD_SIGNATURE', 'The signature does not match the body and timestamp for this installation.');
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return refuse(400, 'INVALID_JSON', 'The body is not JSON: send {"issueKey": "PAY-12", "reason": "...", "severity": "HIGH"}.');
  }
  const input = escalationInputSchema.safeParse(json);
  if (!input.success) return refuse(400, 'INVALID_INPUT', inputProblem(input.error));
  // The signature is unique per timestamp and body: remembered for the window, it makes a replay fail.
  if (!(await deps.nonces.claim(headers.signature, REPLAY_WINDOW_SECONDS * 2))) return refuse(409, 'REPLAYED', 'This request was already received: sign a new one with a new timestamp.');
  try {
    const done = await escalateIssue(deps, null, { ...input.data, actor: null });
    return { status: 202, body: { ok: true, issueKey: done.issueKey, owner: done.ownerKey, raised: done.raised, warnings: done.warnings } };
  } catch (e) {
    // Nothing was escalated, so the same signed request may be sent again.
    await deps.nonces.release(headers.signature);
    if (e instanceof AppFailure) return refuse(STATUS_OF[e.code] ?? 500, e.code, e.message);
    throw e;
  }
}
