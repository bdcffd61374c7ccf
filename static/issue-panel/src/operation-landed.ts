import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';

/**
 * Whether a stored view holds what an operation asked for: how an unconfirmed save is settled once the
 * record has been read again. It compares content, not revisions, since a retried write keeps one revision.
 */
export function operationLanded(operation: PlanningOperationDto, view: PlanningViewDto): boolean {
  const { spec, estimate, review } = view.record;
  switch (operation.type) {
    case 'spec.editSection':
      return (spec.sections[operation.section] ?? '') === operation.text;
    case 'spec.addLink':
      return spec.links.some((l) => l.url.trim() === operation.url.trim() && l.title.trim() === operation.title.trim());
    case 'spec.removeLink':
      return !spec.links.some((l) => l.id === operation.linkId);
    case 'spec.submitForReview':
      return spec.status === 'IN_REVIEW' || spec.status === 'APPROVED';
    case 'spec.approve':
      return spec.status === 'APPROVED';
    case 'spec.requestChanges':
      return spec.status === 'CHANGES_REQUESTED' && review.changesRequest?.comment === operation.comment.trim();
    case 'review.comment':
      return review.threads.some((t) => t.section === operation.section && t.comments[0]?.text === operation.text.trim());
    case 'review.reply':
      return review.threads.some((t) => t.id === operation.threadId && t.comments.some((c) => c.text === operation.text.trim()));
    case 'estimate.set':
      return (
        estimate !== null &&
        JSON.stringify(estimate.value) === JSON.stringify(operation.value) &&
        estimate.confidence === operation.confidence &&
        estimate.assumptions === operation.assumptions
      );
    case 'estimate.clear':
      return estimate === null;
  }
}
