import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A JSON document kept on disk for the offline runtime: loaded once, written atomically (temp file + rename)
 * shortly after a change, and at once on flush. A null path keeps everything in memory (tests).
 */
export class JsonFile<T> {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly path: string | null, options: { reset?: boolean } = {}) {
    if (path && options.reset && existsSync(path)) rmSync(path);
  }

  /** The stored document, or undefined when there is none yet. */
  load(): T | undefined {
    return this.path && existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as T) : undefined;
  }

  /** Schedules a write of `read()`'s value soon after a change, coalescing bursts of changes. */
  changed(read: () => T): void {
    if (!this.path || this.timer) return;
    this.timer = setTimeout(() => this.flush(read()), 50);
    this.timer.unref();
  }

  flush(value: T): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(`${this.path}.tmp`, JSON.stringify(value));
    renameSync(`${this.path}.tmp`, this.path);
  }
}
