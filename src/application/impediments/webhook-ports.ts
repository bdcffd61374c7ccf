/** The installation's web trigger secret (KVS secret storage). */
export interface WebhookSecretStore {
  get(): Promise<string | null>;
  createdAt(): Promise<string | null>;
  replace(secret: string, createdAt: string): Promise<void>;
}

/** Memory of accepted requests for the replay window. */
export interface NonceStore {
  /** True when the nonce was new (and is now remembered for `ttlSeconds`), false on a replay. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean>;
  release(nonce: string): Promise<void>;
}

export interface WebhookCrypto {
  hmacHex(secret: string, message: string): string;
  /** Constant-time comparison of two hex digests. */
  same(a: string, b: string): boolean;
  newSecret(): string;
}
