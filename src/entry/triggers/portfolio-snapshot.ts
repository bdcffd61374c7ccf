import { takeSnapshots } from '../../application/portfolio/take-snapshots';
import { asAppSnapshotDeps } from '../../composition';

/**
 * The daily portfolio snapshot (scheduledTrigger `portfolio-snapshot`, as the app, up to 900 s): every
 * project's program for the pages' first paint and the trend. Its rows are filtered per user on every read.
 */
export async function portfolioSnapshot(): Promise<void> {
  const run = await takeSnapshots(asAppSnapshotDeps());
  console.log(`[portfolio-snapshot] ${run.projects.map((p) => `${p.key}: ${p.items} items${p.unread ? `, ${p.unread} unread` : ''}`).join('; ')}${run.skipped.length ? `; left for tomorrow: ${run.skipped.join(', ')}` : ''}${run.failed.map((f) => `; ${f.key} failed: ${f.reason}`).join('')}`);
}
