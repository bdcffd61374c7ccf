import type { PersonRef } from '../../domain/planning-record/model';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import type { ProjectSettingsStore } from '../project-settings/ports';
import { notFound } from '../shared/errors';
import type { AccessChecker, UserDirectory, WorkItemReader } from '../shared/ports';
import { canApproveSpecs } from './approval-rights';
import type { ReviewQueueEntry, ReviewQueueReader } from './ports';

export interface ListReviewsDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  users: UserDirectory;
  settings: ProjectSettingsStore;
  reviewQueue: ReviewQueueReader;
}

export interface ReviewLists {
  project: { key: string; name: string };
  /** Whether the user approves specs in this project; "waiting for my review" is empty otherwise. */
  isArchitect: boolean;
  architects: PersonRef[];
  waitingForMyReview: ReviewQueueEntry[];
  myChangesRequested: ReviewQueueEntry[];
  warnings: string[];
}

/** Oldest change first: the spec that has waited longest comes first. */
const byWaiting = (a: ReviewQueueEntry, b: ReviewQueueEntry): number => (a.changedAt ?? '').localeCompare(b.changedAt ?? '') || a.key.localeCompare(b.key);

/**
 * The project page's Reviews view: specs in review for an architect of the project, and the user's own specs
 * that an architect sent back. One scan, as the user (Jira returns only what they may browse), scoped by
 * JQL on the item summary's `planningSpecStatus`.
 */
export async function listReviews(deps: ListReviewsDeps, projectKey: string): Promise<ReviewLists> {
  const [project, me, settings] = await Promise.all([deps.reader.getProject(projectKey), deps.users.me(), deps.settings.get(projectKey)]);
  if (!project) throw notFound(`Project ${projectKey}`);
  const isArchitect = await canApproveSpecs(deps.access, settings, project.key, me.accountId);
  const types = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  const base = { project: { key: project.key, name: project.name }, isArchitect, architects: settings.architects };
  if (types.length === 0) return { ...base, waitingForMyReview: [], myChangesRequested: [], warnings: [] };
  const statuses = isArchitect ? 'IN_REVIEW, CHANGES_REQUESTED' : 'CHANGES_REQUESTED';
  const jql = `project = "${project.key}" AND issuetype in (${types.join(', ')}) AND planningSpecStatus in (${statuses})`;
  const { entries, warnings } = await deps.reviewQueue.read(jql);
  return {
    ...base,
    waitingForMyReview: isArchitect ? entries.filter((e) => e.specStatus === 'IN_REVIEW').sort(byWaiting) : [],
    myChangesRequested: entries.filter((e) => e.specStatus === 'CHANGES_REQUESTED' && e.author?.accountId === me.accountId).sort(byWaiting),
    warnings,
  };
}
