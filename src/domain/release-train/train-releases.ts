/**
 * The releases a release train can be scoped by: every project's versions, merged by name (a train's
 * projects name their shared release alike, and `fixVersion = "<name>"` finds it in each of them).
 */
export interface ProjectVersion {
  projectKey: string;
  name: string;
  /** yyyy-mm-dd, or null when the project set no date. */
  releaseDate: string | null;
  released: boolean;
  archived: boolean;
}

export interface TrainRelease {
  name: string;
  /** The earliest of the projects' dates for it, or null when none set one. */
  releaseDate: string | null;
  /** Released in every project that has it. */
  released: boolean;
  /** The projects that have it, by key, sorted. */
  projectKeys: string[];
}

/** At most this many releases are offered; the scope bar also takes any release by name. */
export const MAX_TRAIN_RELEASES = 100;

/**
 * Archived versions left out; unreleased ones first, the soonest first (undated last), then released ones,
 * the latest first: the release a train plans next is at the top.
 */
export function trainReleases(versions: readonly ProjectVersion[]): TrainRelease[] {
  const byName = new Map<string, TrainRelease>();
  for (const v of versions) {
    if (v.archived) continue;
    const known = byName.get(v.name);
    if (!known) {
      byName.set(v.name, { name: v.name, releaseDate: v.releaseDate, released: v.released, projectKeys: [v.projectKey] });
      continue;
    }
    known.releaseDate = earliest(known.releaseDate, v.releaseDate);
    known.released &&= v.released;
    if (!known.projectKeys.includes(v.projectKey)) known.projectKeys.push(v.projectKey);
  }
  const releases = [...byName.values()].map((r) => ({ ...r, projectKeys: [...r.projectKeys].sort() }));
  return releases.sort(byPlanningOrder).slice(0, MAX_TRAIN_RELEASES);
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function byPlanningOrder(a: TrainRelease, b: TrainRelease): number {
  if (a.released !== b.released) return a.released ? 1 : -1;
  if (a.releaseDate !== b.releaseDate) {
    if (a.releaseDate === null) return 1;
    if (b.releaseDate === null) return -1;
    // Unreleased: the soonest first; released: the latest first.
    return (a.releaseDate < b.releaseDate ? -1 : 1) * (a.released ? -1 : 1);
  }
  return a.name.localeCompare(b.name);
}
