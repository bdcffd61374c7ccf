/**
 * Runs a KVS write whose answer can be lost after it landed (a reset connection looks the same as a refused
 * write). On failure it reads back: when the stored value is the one written, the write succeeded and the
 * caller goes on; otherwise the failure stands, so "nothing was saved" is only ever said when it is true.
 */
export async function writeConfirmed(write: () => Promise<void>, landed: () => Promise<boolean>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (await landed().catch(() => false)) return;
    throw e;
  }
}
