import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { mapWithConcurrency } from '../../shared/pool';
import { kvsCall } from './kvs-call';

/**
 * A large JSON value in Forge KVS, whose values are limited to 240 KB: the JSON text is cut into chunks
 * under a fresh generation id, the chunks are written first and the head (`<prefix>:head`) last, so a reader
 * sees the old value or the new one, never a mix; the old generation's chunks are deleted afterwards.
 *
 * CHUNK_CHARS: a string's JSON may take up to 6 bytes a character (\u escapes), so 40,000 characters stay
 * under 240,000 bytes whatever the text.
 */
export const CHUNK_CHARS = 40_000;
const CONCURRENCY = 10;

const headSchema = z.object({ generation: z.string().regex(/^[a-z0-9]{1,32}$/), chunks: z.number().int().min(0).max(100_000) });

const chunkKey = (prefix: string, generation: string, index: number): string => `${prefix}:${generation}:${index}`;

export function splitText(text: string, size = CHUNK_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

export async function saveChunked(prefix: string, value: unknown, generation: string): Promise<void> {
  const parts = splitText(JSON.stringify(value));
  const previous = headSchema.safeParse(await kvsCall('snapshot head read', () => kvs.get(`${prefix}:head`)));
  await mapWithConcurrency(parts, CONCURRENCY, (part, i) => kvsCall('snapshot chunk write', () => kvs.set(chunkKey(prefix, generation, i), part)));
  await kvsCall('snapshot head write', () => kvs.set(`${prefix}:head`, { generation, chunks: parts.length }));
  if (previous.success && previous.data.generation !== generation) {
    // Leftover chunks cost storage only: a failed delete is retried by nothing, and harms no reader.
    await mapWithConcurrency(Array.from({ length: previous.data.chunks }, (_, i) => i), CONCURRENCY, (i) =>
      kvsCall('snapshot chunk delete', () => kvs.delete(chunkKey(prefix, previous.data.generation, i))).catch(() => undefined),
    );
  }
}

/** The value, or null when there is none or it cannot be put together (a chunk missing or damaged). */
export async function loadChunked(prefix: string): Promise<unknown> {
  const head = headSchema.safeParse(await kvsCall('snapshot head read', () => kvs.get(`${prefix}:head`)));
  if (!head.success) return null;
  const { generation, chunks } = head.data;
  const parts = await mapWithConcurrency(Array.from({ length: chunks }, (_, i) => i), CONCURRENCY, (i) => kvsCall('snapshot chunk read', () => kvs.get(chunkKey(prefix, generation, i))));
  if (parts.some((p) => typeof p !== 'string')) return null;
  try {
    return JSON.parse(parts.join('')) as unknown;
  } catch {
    return null;
  }
}
