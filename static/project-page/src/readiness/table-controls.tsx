import { Box, Inline } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { ReactElement } from 'react';
import { NO_TEAM, type GroupBy, type StateFilter, type TableQuery } from '../../../../src/shared/portfolio/table-query';

const STATES: Array<{ label: string; value: StateFilter }> = [
  { label: 'Any state', value: 'ALL' },
  { label: 'Ready', value: 'READY' },
  { label: 'At risk', value: 'AT_RISK' },
  { label: 'Not ready', value: 'NOT_READY' },
  { label: 'Not scored yet', value: 'NOT_SCORED' },
];
const GROUPS: Array<{ label: string; value: GroupBy }> = [
  { label: 'No grouping', value: 'none' },
  { label: 'Group by team', value: 'team' },
  { label: 'Group by release', value: 'release' },
];

/** The table's own filters (text, team, state) and grouping; sorting is on the column headers. */
export function TableControls({ query, teams, onChange }: { query: TableQuery; teams: string[]; onChange: (q: TableQuery) => void }): ReactElement {
  const teamOptions = [{ label: 'Any team', value: '' }, ...teams.map((t) => ({ label: t, value: t })), { label: NO_TEAM, value: NO_TEAM }];
  return (
    <Inline space="space.150" shouldWrap alignBlock="center" testId="table-controls">
      <Box style={{ minWidth: 240 }}>
        <Textfield aria-label="Filter by key or summary" placeholder="Filter by key or summary" value={query.text} onChange={(e) => onChange({ ...query, text: e.currentTarget.value })} testId="table-filter" />
      </Box>
      <Box style={{ minWidth: 170 }}>
        <Select aria-label="Team" options={teamOptions} value={teamOptions.find((o) => o.value === (query.team ?? '')) ?? null} onChange={(o) => onChange({ ...query, team: o?.value ? o.value : null })} testId="table-team" />
      </Box>
      <Box style={{ minWidth: 170 }}>
        <Select aria-label="Readiness state" options={STATES} value={STATES.find((o) => o.value === query.state) ?? null} onChange={(o) => onChange({ ...query, state: o?.value ?? 'ALL' })} testId="table-state" />
      </Box>
      <Box style={{ minWidth: 180 }}>
        <Select aria-label="Grouping" options={GROUPS} value={GROUPS.find((o) => o.value === query.groupBy) ?? null} onChange={(o) => onChange({ ...query, groupBy: o?.value ?? 'none' })} testId="table-group" />
      </Box>
    </Inline>
  );
}
