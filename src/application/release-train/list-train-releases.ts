import { trainReleases, type TrainRelease } from '../../domain/release-train/train-releases';
import type { ProjectVersionReader } from './ports';

export interface TrainReleasesDeps {
  versions: ProjectVersionReader;
}

/**
 * The releases the release train page offers as its scope: read as the user, so only the versions of
 * projects they can browse, merged by name across projects.
 */
export async function listTrainReleases(deps: TrainReleasesDeps): Promise<{ releases: TrainRelease[]; warnings: string[] }> {
  const read = await deps.versions.visibleVersions();
  return { releases: trainReleases(read.versions), warnings: read.warnings };
}
