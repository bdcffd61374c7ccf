import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A new site's demo data is seeded in two stores (the Jira site, then the app's data in KVS through its own
 * resolvers). A start stopped between them would leave a site that later starts take for a finished one:
 * the issues, without the app's data. The marker says "a seed is under way"; a start that finds it begins
 * afresh, since nothing but the seed can have written to a site that was never handed over.
 */
export class SeedMarker {
  private readonly path: string | null;

  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, 'seed-in-progress') : null;
  }

  /** True when the last start stopped before its seed finished. */
  interrupted(): boolean {
    return this.path !== null && existsSync(this.path);
  }

  /** Written, and on disk, before the first seeded byte. */
  begin(): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'w');
    try {
      writeSync(fd, `The demo seed started at ${new Date().toISOString()} and has not finished.\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The seed finished (or failed in a way a restart would not change, which it has reported). */
  end(): void {
    if (this.path) rmSync(this.path, { force: true });
  }
}
