import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SiteData } from './model';
import { buildDemoSite } from './seed';

/**
 * The emulated site's state, kept in memory and written to disk (atomically, debounced) after each change,
 * so data survives restarts. `reset` restores the demo seed.
 */
export class SiteStore {
  data: SiteData;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly file: string | null, options: { reset?: boolean; siteUrl?: string } = {}) {
    if (file && options.reset && existsSync(file)) rmSync(file);
    this.data = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SiteData) : buildDemoSite();
    if (options.siteUrl) this.data.siteUrl = options.siteUrl;
    if (file && !existsSync(file)) this.flush();
  }

  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => this.flush(), 50);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
