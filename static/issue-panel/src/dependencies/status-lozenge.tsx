import Lozenge from '@atlaskit/lozenge';
import type { ReactElement } from 'react';
import type { DependencyStatusDto } from '../../../../src/shared/contract/dependencies';

const APPEARANCE: Record<DependencyStatusDto, 'default' | 'inprogress' | 'success' | 'removed' | 'moved'> = {
  IDENTIFIED: 'default',
  REQUESTED: 'moved',
  COMMITTED: 'inprogress',
  DELIVERED: 'success',
  DECLINED: 'removed',
};

export const STATUS_LABEL: Record<DependencyStatusDto, string> = {
  IDENTIFIED: 'Identified',
  REQUESTED: 'Requested',
  COMMITTED: 'Committed',
  DELIVERED: 'Delivered',
  DECLINED: 'Declined',
};

export function DependencyStatusLozenge({ status }: { status: DependencyStatusDto }): ReactElement {
  return (
    <Lozenge appearance={APPEARANCE[status]} testId="dependency-status">
      {STATUS_LABEL[status]}
    </Lozenge>
  );
}
