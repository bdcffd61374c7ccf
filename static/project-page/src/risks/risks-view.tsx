import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useState, type ReactElement } from 'react';
import type { PortfolioRiskDto } from '../../../../src/shared/contract/risks';
import { ErrorMessage, Loading } from '../../../shared/components';
import { CATEGORY_LABEL, RATING_LABEL, ROAM_COLUMNS, ROAM_LABEL } from '../../../shared/risks/rating';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';
import { HeatMap } from './heat-map';
import { applyFilters, distinct, heatCounts, NO_FILTERS, ownerOf, type MatrixMode, type RiskFilters } from './portfolio-model';
import { RiskList } from './risk-list';
import { RoamBoard } from './roam-board';
import { PartialResults } from '../../../shared/partial-results';

interface Option {
  value: string;
  label: string;
}

function FilterSelect({ id, label, options, value, onChange }: { id: string; label: string; options: Option[]; value: string | null; onChange: (v: string | null) => void }): ReactElement {
  return (
    <Box style={{ width: 170 }}>
      <Select<Option>
        inputId={id}
        testId={id}
        aria-label={label}
        placeholder={label}
        isClearable
        options={options}
        value={options.find((o) => o.value === value) ?? null}
        onChange={(o) => onChange(o?.value ?? null)}
      />
    </Box>
  );
}

const labelled = <K extends string>(labels: Record<K, string>, keys: K[]): Option[] => keys.map((k) => ({ value: k, label: labels[k] }));
const plain = (values: string[]): Option[] => values.map((v) => ({ value: v, label: v }));

function Filters({ risks, filters, set }: { risks: PortfolioRiskDto[]; filters: RiskFilters; set: (f: RiskFilters) => void }): ReactElement {
  const patch = (p: Partial<RiskFilters>): void => set({ ...filters, ...p });
  return (
    <Inline space="space.100" shouldWrap testId="risk-filters">
      <FilterSelect id="filter-rating" label="Rating" options={labelled(RATING_LABEL, ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])} value={filters.rating} onChange={(v) => patch({ rating: v as RiskFilters['rating'] })} />
      <FilterSelect id="filter-roam" label="ROAM state" options={labelled(ROAM_LABEL, ROAM_COLUMNS)} value={filters.roam} onChange={(v) => patch({ roam: v as RiskFilters['roam'] })} />
      <FilterSelect id="filter-owner" label="Owner" options={plain(distinct(risks.map(ownerOf)))} value={filters.owner} onChange={(v) => patch({ owner: v })} />
      <FilterSelect id="filter-team" label="Team" options={plain(distinct(risks.map((r) => r.issue.team)))} value={filters.team} onChange={(v) => patch({ team: v })} />
      <FilterSelect id="filter-release" label="Release" options={plain(distinct(risks.flatMap((r) => r.issue.releases)))} value={filters.release} onChange={(v) => patch({ release: v })} />
      <FilterSelect id="filter-category" label="Category" options={labelled(CATEGORY_LABEL, Object.keys(CATEGORY_LABEL) as Array<keyof typeof CATEGORY_LABEL>)} value={filters.category} onChange={(v) => patch({ category: v as RiskFilters['category'] })} />
    </Inline>
  );
}

/**
 * The project page's Risks view: the heat map (inherent or residual; a cell filters the list), the portfolio
 * risk list with its filters, and the ROAM board, all over the project's epics and features the user may see.
 */
export function RisksView({ projectKey }: { projectKey: string }): ReactElement {
  const loaded = useResolver(() => invoke('risks.portfolio'), [projectKey]);
  const [mode, setMode] = useState<MatrixMode>('inherent');
  const [filters, setFilters] = useState<RiskFilters>(NO_FILTERS);
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading the program's risks" />;
  const { risks, settings, warnings } = loaded.data;
  const shown = applyFilters(risks, filters, mode);
  const filtered = shown.length !== risks.length;
  return (
    <Stack space="space.300" testId="risks-view">
      <PartialResults warnings={warnings} title="Some risks are missing" testId="risks-warnings" />
      <Stack space="space.100">
        <Inline space="space.200" alignBlock="center">
          <Heading size="medium" as="h2">
            Risk heat map
          </Heading>
          <Inline space="space.050">
            <Button isSelected={mode === 'inherent'} onClick={() => setMode('inherent')} testId="heat-mode-inherent">
              Inherent
            </Button>
            <Button isSelected={mode === 'residual'} onClick={() => setMode('residual')} testId="heat-mode-residual">
              Residual
            </Button>
          </Inline>
        </Inline>
        <HeatMap counts={heatCounts(risks, mode)} settings={settings} selected={filters.cell} onSelect={(cell) => setFilters({ ...filters, cell })} />
      </Stack>
      <Stack space="space.100">
        <Inline space="space.200" alignBlock="center">
          <Heading size="medium" as="h2">
            Risks
          </Heading>
          <Text testId="risk-list-count">
            {shown.length} of {risks.length}
          </Text>
          {filtered ? (
            <Button appearance="subtle" onClick={() => setFilters(NO_FILTERS)} testId="risk-filters-clear">
              Clear filters
            </Button>
          ) : null}
        </Inline>
        <Filters risks={risks} filters={filters} set={setFilters} />
        <RiskList risks={shown} mode={mode} />
      </Stack>
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          ROAM board
        </Heading>
        <RoamBoard risks={shown} mode={mode} />
      </Stack>
    </Stack>
  );
}
