import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { router } from '@forge/bridge';
import { lazy, Suspense, useState, type ReactElement } from 'react';
import type { PortfolioDependenciesDto } from '../../../../src/shared/contract/dependencies';
import { ErrorMessage, Loading } from '../../../shared/components';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';
import { filterPortfolio, type PortfolioFilter } from './filters';
import { TeamMatrixTable } from './team-matrix-table';
import { PartialResults } from '../../../shared/partial-results';

// The layout library loads only with this view.
const DependencyMap = lazy(() => import('../../../shared/dependency-map/dependency-map'));

const STATUSES = ['IDENTIFIED', 'REQUESTED', 'COMMITTED', 'DELIVERED', 'DECLINED'];

function FilterSelect({ id, label, values, value, onChange }: { id: string; label: string; values: string[]; value: string | null; onChange: (v: string | null) => void }): ReactElement {
  const options = values.map((v) => ({ value: v, label: v.charAt(0) + v.slice(1).toLowerCase() }));
  return (
    <div style={{ minWidth: 180 }}>
      <Select inputId={id} aria-label={label} placeholder={`Any ${label.toLowerCase()}`} isClearable options={options} value={options.find((o) => o.value === value) ?? null} onChange={(o) => onChange(o?.value ?? null)} />
    </div>
  );
}

/** How long the critical path is, or why its dates give no length (an undated chain, or late hand-offs only). */
function criticalPathLength(path: PortfolioDependenciesDto['criticalPath']): string {
  if (!path.dated) return '(no dates to compute its length: give these issues due dates or releases)';
  if (path.days === 0) return '(no days between its dates: each provider is due on or after the issue that needs it)';
  return `(${path.days} day${path.days === 1 ? '' : 's'})`;
}

/** The project's Dependencies view: the portfolio map (filtered by team, release and status), the cross-team matrix and the critical path. */
export function DependenciesView({ projectKey }: { projectKey: string }): ReactElement {
  const loaded = useResolver(() => invoke('dependencies.portfolio'), [projectKey]);
  const [filter, setFilter] = useState<PortfolioFilter>({ team: null, release: null, status: null });
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading the portfolio's dependencies" />;
  const p: PortfolioDependenciesDto = loaded.data;
  const shown = filterPortfolio(p, filter);
  const label = new Map(p.nodes.map((n) => [n.id, n.key ? `${n.key} ${n.label}` : n.label]));
  const distinct = (xs: Array<string | null>): string[] => [...new Set(xs.filter((x): x is string => x !== null))].sort();
  const cycles = p.nodes.filter((n) => n.onCycle).length;
  return (
    <Stack space="space.200" testId="portfolio-dependencies">
      <PartialResults warnings={p.warnings} title="Some dependencies are missing" testId="dependencies-warnings" />
      <Inline space="space.100" alignBlock="center">
        <Text>
          {p.edges.length} dependencies, {p.edges.filter((e) => e.late).length} late
        </Text>
        {cycles > 0 ? (
          <Lozenge appearance="removed" isBold testId="portfolio-cycle">
            {cycles} issues on dependency cycles
          </Lozenge>
        ) : null}
      </Inline>
      <Inline space="space.100" shouldWrap>
        <FilterSelect id="filter-team" label="Team" values={distinct(p.nodes.map((n) => n.team))} value={filter.team} onChange={(team) => setFilter({ ...filter, team })} />
        <FilterSelect id="filter-release" label="Release" values={distinct(p.nodes.map((n) => n.release))} value={filter.release} onChange={(release) => setFilter({ ...filter, release })} />
        <FilterSelect id="filter-status" label="Status" values={STATUSES} value={filter.status} onChange={(status) => setFilter({ ...filter, status })} />
      </Inline>
      {shown.edges.length === 0 ? (
        <Text color="color.text.subtle">No dependencies match.</Text>
      ) : (
        <Suspense fallback={<Loading label="Loading the map" />}>
          <DependencyMap nodes={shown.nodes} edges={shown.edges} height={560} onOpenIssue={(key) => void router.navigate(`/browse/${key}`)} />
        </Suspense>
      )}
      <Heading size="small" as="h2">
        Critical path
      </Heading>
      <Box testId="critical-path">
        {p.criticalPath.nodeIds.length === 0 ? (
          <Text color="color.text.subtle">No dated chain of open dependencies.</Text>
        ) : (
          <Text>
            {p.criticalPath.nodeIds.map((id) => label.get(id) ?? id).join(' → ')}{' '}
            {criticalPathLength(p.criticalPath)}
          </Text>
        )}
      </Box>
      <Heading size="small" as="h2">
        Team by team
      </Heading>
      <TeamMatrixTable portfolio={p} />
    </Stack>
  );
}
