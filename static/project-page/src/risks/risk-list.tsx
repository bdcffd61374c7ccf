import DynamicTable from '@atlaskit/dynamic-table';
import { Box, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PortfolioRiskDto } from '../../../../src/shared/contract/risks';
import { useDateFormat } from '../../../shared/date-format-context';
import { IssueLink } from '../../../shared/issue-link';
import { CATEGORY_LABEL, RATING_ORDER, RatingLozenge, ROAM_COLUMNS, RoamLozenge } from '../../../shared/risks/rating';
import { ownerOf, ratingIn, type MatrixMode } from './portfolio-model';

const head = {
  cells: [
    { key: 'rating', content: 'Rating', isSortable: true, width: 9 },
    { key: 'title', content: 'Risk', isSortable: true, width: 28 },
    { key: 'item', content: 'Item', isSortable: true, width: 9 },
    { key: 'roam', content: 'ROAM', isSortable: true, width: 10 },
    { key: 'owner', content: 'Owner', isSortable: true, width: 13 },
    { key: 'team', content: 'Team', isSortable: true, width: 10 },
    { key: 'release', content: 'Release', isSortable: true, width: 8 },
    { key: 'category', content: 'Category', isSortable: true, width: 9 },
    { key: 'due', content: 'Response due', isSortable: true, width: 9 },
  ],
};

/** The portfolio risk list: Atlaskit's table sorts by any column (highest rating first by default). */
export function RiskList({ risks, mode }: { risks: PortfolioRiskDto[]; mode: MatrixMode }): ReactElement {
  const format = useDateFormat();
  const rows = risks.map((r) => {
    const rating = ratingIn(r, mode);
    return {
      key: `${r.issue.key}-${r.risk.id}`,
      testId: `portfolio-risk-${r.issue.key}-${r.risk.id}`,
      cells: [
        { key: RATING_ORDER[rating] * 100 + r.risk.score, content: <RatingLozenge rating={rating} /> },
        { key: r.risk.title, content: <Text>{r.risk.title}</Text> },
        { key: r.issue.key, content: <IssueLink issueKey={r.issue.key} /> },
        { key: ROAM_COLUMNS.indexOf(r.risk.roam.state), content: <RoamLozenge state={r.risk.roam.state} /> },
        { key: ownerOf(r) ?? '', content: ownerOf(r) ?? '' },
        { key: r.issue.team ?? '', content: r.issue.team ?? '' },
        { key: r.issue.releases.join(', '), content: r.issue.releases.join(', ') },
        { key: r.risk.category, content: CATEGORY_LABEL[r.risk.category] },
        { key: r.risk.dueDate ?? '9999', content: r.risk.dueDate ? format.day(r.risk.dueDate) : '' },
      ],
    };
  });
  return (
    <Box testId="portfolio-risk-list">
      <DynamicTable head={head} rows={rows} defaultSortKey="rating" defaultSortOrder="DESC" rowsPerPage={50} emptyView={<Text>No risks match.</Text>} />
    </Box>
  );
}
