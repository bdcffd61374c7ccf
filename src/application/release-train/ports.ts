import type { ProjectVersion } from '../../domain/release-train/train-releases';

/** The versions of the projects the caller can browse, and what could not be read. */
export interface ProjectVersionsRead {
  versions: ProjectVersion[];
  /** In words a user can act on: which projects' releases are missing, and why. */
  warnings: string[];
}

export interface ProjectVersionReader {
  visibleVersions(): Promise<ProjectVersionsRead>;
}
