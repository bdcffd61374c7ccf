import type { PersonRefDto, Result } from './common';
import type { SpecStatus } from './planning';

/** One spec in the review loop, on the project page's Reviews view. */
export interface ReviewEntryDto {
  key: string;
  summary: string;
  issueTypeName: string;
  specStatus: SpecStatus;
  author: PersonRefDto | null;
  changesRequest: { by: PersonRefDto; at: string; comment: string } | null;
  changedAt: string | null;
}

export interface ReviewListsDto {
  project: { key: string; name: string };
  isArchitect: boolean;
  architects: PersonRefDto[];
  waitingForMyReview: ReviewEntryDto[];
  myChangesRequested: ReviewEntryDto[];
  /** Parts of the project Jira could not read just now: shown on screen. */
  warnings: string[];
}

/** The project page's Reviews view (planning review, issue 8). */
export type ReviewsDefs = {
  'reviews.list': () => Result<ReviewListsDto>;
};
