import type { TShirtScaleDto } from '../../src/shared/contract/common';
import type { EstimateValueDto, SpecStatus } from '../../src/shared/contract/planning';

/** How the panels put planning facts into words; shared by the issue panel and the side panel. */
export const SPEC_STATUS_LABEL: Record<SpecStatus, string> = { DRAFT: 'Draft', IN_REVIEW: 'In review', CHANGES_REQUESTED: 'Changes requested', APPROVED: 'Approved' };
export const SPEC_STATUS_APPEARANCE: Record<SpecStatus, 'default' | 'inprogress' | 'moved' | 'success'> = {
  DRAFT: 'default',
  IN_REVIEW: 'inprogress',
  CHANGES_REQUESTED: 'moved',
  APPROVED: 'success',
};

export function estimateText(value: EstimateValueDto, scale: TShirtScaleDto): string {
  if (value.kind === 'points') return `${value.low}-${value.high} points`;
  const r = scale[value.size];
  return `${value.size} (${r.low}-${r.high} points)`;
}
