import type { Result } from './common';
import type { PortfolioDefs } from './project-page';

/** A release the release train can be scoped by, merged by name across the projects the user can browse. */
export interface TrainReleaseDto {
  name: string;
  releaseDate: string | null;
  released: boolean;
  projectKeys: string[];
}

/**
 * The global page (`jira:globalPage` planning-readiness-train): the readiness view's functions, plus the
 * releases to scope it by (a project page takes its choices from its own rows; the train starts with none).
 */
export type ReleaseTrainDefs = PortfolioDefs & {
  'train.releases': () => Result<{ releases: TrainReleaseDto[]; warnings: string[] }>;
};
