import { storageUnavailable } from '../../application/shared/errors';

/** Runs a Forge KVS call; any failure of the service reads "storage is unavailable; nothing was saved". */
export async function kvsCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    console.warn(`[kvs] ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    throw storageUnavailable();
  }
}
