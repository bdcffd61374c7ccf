import type { GraphIssue } from '../../domain/dependencies/graph-snapshot';
import { dependencyLinks } from '../../domain/dependencies/links';
import type { DependencySettings } from '../../domain/dependencies/settings';
import type { Digest } from '../../domain/planning-record/authority';
import type { DependencyGraphReader, DependencyLedgerStore, DependencySettingsStore, ReadIssue } from './ports';
import { verify, type VerifiedDependencies } from './verified-dependencies';

export interface WalkDeps {
  dependencyGraph: DependencyGraphReader;
  dependencyLedger: DependencyLedgerStore;
  dependencySettings: DependencySettingsStore;
  digest: Digest;
}

export interface Walk {
  issues: Array<GraphIssue & { read: ReadIssue; verified: VerifiedDependencies }>;
  settingsOf: (projectKey: string) => DependencySettings;
  /** The walk stopped at the node cap: the graph around the seeds is larger than what was read. */
  truncated: boolean;
}

/** Most issues one walk reads: enough for the neighbourhood of an item, bounded for a function's time. */
export const MAX_WALK_ISSUES = 400;

/**
 * Reads the dependency graph around the seeds, `hops` links out in both directions (dependency links only),
 * each hop one bulkfetch round. Each issue's record is verified against the app's ledger, so a forged
 * commitment counts nowhere. Whether the far ends of a link can be read depends on who reads (user or app).
 */
export async function walkGraph(deps: WalkDeps, seeds: string[], hops: number): Promise<Walk> {
  const settings = new Map<string, DependencySettings>();
  const settingsOf = (projectKey: string): DependencySettings => settings.get(projectKey)!;
  const read = new Map<string, ReadIssue>();
  let frontier = [...new Set(seeds)];
  let truncated = false;
  for (let hop = 0; hop <= hops && frontier.length > 0; hop++) {
    const room = MAX_WALK_ISSUES - read.size;
    if (frontier.length > room) {
      truncated = true;
      frontier = frontier.slice(0, room);
    }
    const found = await deps.dependencyGraph.read(frontier);
    await loadSettings(deps, settings, found);
    for (const issue of found) read.set(issue.id, issue);
    const seen = (id: string): boolean => read.has(id);
    frontier = [...new Set(found.flatMap((i) => dependencyLinks(i.id, i.links, settingsOf(i.projectKey)).map((l) => (l.dependentId === i.id ? l.providerId : l.dependentId))))].filter((id) => !seen(id));
    if (read.size >= MAX_WALK_ISSUES) break;
  }
  const issues = await Promise.all(
    [...read.values()].map(async (r) => {
      const ledger = r.stored.ok && r.stored.record.rev === 0 ? null : await deps.dependencyLedger.get(r.id);
      const verified = verify(r.stored, ledger, deps.digest);
      return { ...r, record: verified.problem ? null : verified.effective, read: r, verified };
    }),
  );
  return { issues, settingsOf, truncated };
}

async function loadSettings(deps: WalkDeps, into: Map<string, DependencySettings>, issues: ReadIssue[]): Promise<void> {
  const missing = [...new Set(issues.map((i) => i.projectKey))].filter((k) => !into.has(k));
  const loaded = await Promise.all(missing.map((k) => deps.dependencySettings.get(k)));
  missing.forEach((k, n) => into.set(k, loaded[n]!));
}
