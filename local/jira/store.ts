import { existsSync } from 'node:fs';
import { JsonFile } from '../json-file';
import type { SiteData } from './model';
import { buildDemoSite } from './seed';

/**
 * The emulated site's state, kept in memory and on disk (see JsonFile), so data survives restarts and crashes.
 * A request that changed it awaits `durable()` before it is answered. `reset` restores the demo seed.
 */
export class SiteStore {
  readonly data: SiteData;
  /** True when this start seeded the demo site (no stored data, or --reset). */
  readonly seeded: boolean;
  private readonly file: JsonFile<SiteData>;

  /** True when a site is stored at `path` (its snapshot or its change log). */
  static existsIn(path: string | null): boolean {
    return path !== null && (existsSync(path) || existsSync(`${path}.log`));
  }

  constructor(path: string | null, options: { reset?: boolean } = {}) {
    this.file = new JsonFile<SiteData>(path, options);
    const stored = this.file.load();
    this.data = stored ?? buildDemoSite();
    this.seeded = !stored;
    if (!stored) this.flush();
  }

  changed(): void {
    this.file.changed(() => this.data);
  }

  /** Resolves once every change made so far is on disk. */
  durable(): Promise<void> {
    return this.file.durable();
  }

  private flush(): void {
    this.file.flush(this.data);
  }

  /** Saves everything and releases the files; call it before another store opens the same directory. */
  close(): Promise<void> {
    return this.file.close(this.data);
  }
}
