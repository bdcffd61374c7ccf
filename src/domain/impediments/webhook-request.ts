/**
 * The signed web trigger request of outside systems: `X-Escalation-Timestamp` (Unix seconds) and
 * `X-Escalation-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the installation's secret.
 * A request is accepted within 5 minutes of its timestamp, and only once (its signature is remembered).
 */
export const TIMESTAMP_HEADER = 'x-escalation-timestamp';
export const SIGNATURE_HEADER = 'x-escalation-signature';
export const REPLAY_WINDOW_SECONDS = 300;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

export const signedMessage = (timestamp: string, body: string): string => `${timestamp}.${body}`;

export type HeaderProblem = { status: 400 | 401; code: string; message: string };

/** The timestamp and hex signature of a request, or what is wrong with its headers. */
export function readSignedHeaders(
  header: (name: string) => string | undefined,
  now: Date,
): { ok: true; timestamp: string; signature: string } | { ok: false; problem: HeaderProblem } {
  const timestamp = header(TIMESTAMP_HEADER);
  const signature = header(SIGNATURE_HEADER);
  if (timestamp === undefined || signature === undefined) {
    return { ok: false, problem: { status: 401, code: 'MISSING_SIGNATURE', message: `Send the headers ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}.` } };
  }
  const hex = SIGNATURE.exec(signature.trim().toLowerCase())?.[1];
  if (!TIMESTAMP.test(timestamp) || hex === undefined) {
    return { ok: false, problem: { status: 400, code: 'MALFORMED_SIGNATURE', message: `${TIMESTAMP_HEADER} is Unix seconds; ${SIGNATURE_HEADER} is sha256=<64 hex digits>.` } };
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) {
    return { ok: false, problem: { status: 401, code: 'STALE_REQUEST', message: `The timestamp is more than ${REPLAY_WINDOW_SECONDS / 60} minutes from the app's clock: sign the request again.` } };
  }
  return { ok: true, timestamp, signature: hex };
}
