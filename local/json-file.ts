import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { applyOps, UnitTracker, type UnitOp } from './json-units';

/**
 * A JSON document kept on disk for the offline runtime, so that an acknowledged write survives a crash
 * (`kill -9`, power loss): a snapshot (`<path>`) plus an append-only log of changes (`<path>.log`).
 *
 * - `changed(read)` marks the document changed; `durable()` resolves once every change made before the call
 *   is on disk: the changed units (see json-units.ts) are appended to the log as one line and fsync'd.
 *   Writes that arrive while a commit is under way share the next one (group commit), so a burst costs a
 *   few fsyncs, not one each.
 * - The log is folded into a fresh snapshot (written to a temp file, fsync'd, renamed, directory fsync'd)
 *   when it grows past `compactAtBytes`, on `flush`, and when a document is loaded with a log.
 * - A torn last line (a crash during an append) was never acknowledged, and is dropped on load.
 *
 * A null path keeps everything in memory (tests).
 */
const DEFAULT_COMPACT_AT_BYTES = 8 * 1024 * 1024;
/** Changes made outside a request (nobody awaits them) still reach the disk soon after. */
const BACKGROUND_COMMIT_MS = 50;

export class JsonFile<T extends object> {
  private readonly logPath: string | null;
  private readonly compactAtBytes: number;
  private readonly tracker = new UnitTracker();
  private read: (() => T) | null = null;
  private dirty = false;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private log: FileHandle | null = null;
  private logBytes = 0;
  /** Set when a commit failed: the log may miss units the tracker believes persisted, so write a snapshot. */
  private needsSnapshot = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly path: string | null, options: { reset?: boolean; compactAtBytes?: number } = {}) {
    this.logPath = path ? `${path}.log` : null;
    this.compactAtBytes = options.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES;
    if (path && options.reset) {
      rmSync(path, { force: true });
      rmSync(this.logPath!, { force: true });
    }
  }

  /** The stored document (snapshot plus logged changes), or undefined when there is none yet. */
  load(): T | undefined {
    if (!this.path || !this.logPath) return undefined;
    const snapshot = existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>) : undefined;
    const logText = existsSync(this.logPath) ? readFileSync(this.logPath, 'utf8') : '';
    if (logText === '') {
      if (snapshot) this.tracker.reset(snapshot);
      return snapshot as T | undefined;
    }
    // Every complete line ends with '\n': the last piece is '' or a torn append that was never acknowledged.
    const complete = logText.split('\n').slice(0, -1);
    const doc = snapshot ?? {};
    complete.forEach((line, n) => {
      let ops: UnitOp[];
      try {
        ops = (JSON.parse(line) as { ops: UnitOp[] }).ops;
      } catch {
        throw new Error(`${this.logPath} is corrupt at line ${n + 1}; it is not a torn last write.`);
      }
      applyOps(doc, ops);
    });
    // Fold the log into the snapshot now, which also drops a torn tail before anything is appended after it.
    this.flush(doc as T);
    return snapshot || complete.length > 0 ? (doc as T) : undefined;
  }

  /** Marks the document changed; `read` gives its current value when the change is committed. */
  changed(read: () => T): void {
    if (!this.path) return;
    this.read = read;
    this.dirty = true;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.durable().catch((e: unknown) => console.error(`[offline runtime] could not save ${this.path}:`, e));
      }, BACKGROUND_COMMIT_MS);
      this.timer.unref();
    }
  }

  /** Resolves once every change marked before this call is on disk; rejects when it could not be saved. */
  durable(): Promise<void> {
    if (!this.dirty) return this.running ?? Promise.resolve();
    if (!this.running) return this.commit();
    // A commit is under way and took its diff before this change: the next commit carries it, for everyone waiting.
    this.next ??= this.running.catch(() => undefined).then(() => {
      this.next = null;
      return this.commit();
    });
    return this.next;
  }

  /**
   * Writes `value` as the snapshot at once and empties the log (the seed, closing the site). Skipped while a
   * commit is under way: that commit saves everything acknowledged, and must not race a second snapshot.
   */
  flush(value: T): void {
    if (!this.path || !this.logPath || this.running) return;
    const text = JSON.stringify(value);
    this.tracker.reset(value as Record<string, unknown>);
    this.dirty = false;
    this.needsSnapshot = false;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, text);
    fsyncPath(tmp);
    renameSync(tmp, this.path);
    fsyncPath(dirname(this.path));
    writeFileSync(this.logPath, '');
    fsyncPath(this.logPath);
    this.logBytes = 0;
    const log = this.log;
    this.log = null;
    void log?.close();
  }

  /** Waits for the commits under way, then writes the snapshot and lets go of the log (the site closes). */
  async close(value: T): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.next ?? this.running) await (this.next ?? this.running)!.catch(() => undefined);
    this.flush(value);
  }

  private commit(): Promise<void> {
    const value = this.read!();
    this.dirty = false;
    const ops = this.tracker.diff(value as Record<string, unknown>);
    const run = this.write(ops, value).catch((e: unknown) => {
      this.needsSnapshot = true;
      throw e;
    });
    this.running = run;
    const settle = (): void => {
      if (this.running === run) this.running = null;
    };
    run.then(settle, settle);
    return run;
  }

  private async write(ops: UnitOp[], value: T): Promise<void> {
    if (this.needsSnapshot || this.logBytes > this.compactAtBytes) return this.snapshot(value);
    if (ops.length === 0) return;
    const line = `${JSON.stringify({ ops })}\n`;
    this.log ??= await open(this.logPath!, 'a');
    await this.log.write(line);
    await this.log.datasync();
    this.logBytes += Buffer.byteLength(line);
  }

  /** Folds the log into a new snapshot of `value` without blocking the event loop on the disk. */
  private async snapshot(value: T): Promise<void> {
    const text = JSON.stringify(value);
    this.tracker.reset(value as Record<string, unknown>);
    this.needsSnapshot = false;
    const tmp = `${this.path!}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, this.path!);
    fsyncPath(dirname(this.path!));
    this.log ??= await open(this.logPath!, 'a');
    await this.log.truncate(0);
    await this.log.datasync();
    this.logBytes = 0;
  }
}

/** fsync a file or a directory (a rename is durable only once its directory is). */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
