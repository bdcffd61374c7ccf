import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of a message with a secret. */
export const hmacSha256Hex = (secret: string, message: string): string => createHmac('sha256', secret).update(message, 'utf8').digest('hex');

/** Compares two hex digests in constant time (the lengths are not secret: both are 64 hex digits). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new web trigger secret: 32 random bytes, hex. */
export const newWebhookSecret = (): string => randomBytes(32).toString('hex');
