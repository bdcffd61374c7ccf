import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import EmptyState from '@atlaskit/empty-state';
import { lazy, Suspense, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { EMPTY_SCOPE } from '../../../../src/shared/portfolio/scope-rules';
import { DEFAULT_QUERY, type TableQuery } from '../../../../src/shared/portfolio/table-query';
import type { PortfolioScopeDto } from '../../../../src/shared/contract/project-page';
import type { AppError } from '../../../shared/api';
import { ErrorMessage, Loading } from '../../../shared/components';
import { useDateFormat } from '../../../shared/date-format-context';
import { BaselinePanel } from './baseline-panel';
import { ExportsMenu } from './exports-menu';
import { PortfolioTable } from './portfolio-table';
import { HeadlineTiles } from './tiles';
import { TrendChart } from './trend-chart';
import { usePortfolio } from './use-portfolio';
import { PartialResults } from '../../../shared/partial-results';
import type { TrainReleaseChoices } from '../train/train-view';

/**
 * The scope bar and the table's controls are their own chunk (Atlaskit's Select, Form and Textfield): the
 * first table row does not wait for them to download and compile. Each keeps its height while it loads.
 */
const ScopeBar = lazy(() => import('./scope-bar').then((m) => ({ default: m.ScopeBar })));
const TableControls = lazy(() => import('./table-controls').then((m) => ({ default: m.TableControls })));
const Controls = ({ height, children }: { height: number; children: ReactNode }): ReactElement => <Suspense fallback={<Box style={{ minHeight: height }} />}>{children}</Suspense>;

/** Jira's refusal of a scope with the user's own JQL is about that JQL (the app checks the rest itself). */
function scopeErrorTitle(error: AppError, scope: PortfolioScopeDto): string | undefined {
  return error.code === 'INVALID_INPUT' && scope.jql ? 'Jira could not run this JQL' : undefined;
}

/**
 * The Readiness view (`projectKey` empty on the global page, the release train): which epics and features of the program are ready, which are not, and why. It paints
 * from the last daily snapshot (filtered for the user by the app), then refreshes with a fresh read.
 */
export function ReadinessView({ projectKey, initialScope = EMPTY_SCOPE, releaseChoices }: { projectKey: string; initialScope?: PortfolioScopeDto; releaseChoices?: TrainReleaseChoices }): ReactElement {
  const [scope, setScope] = useState<PortfolioScopeDto>(initialScope);
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const portfolio = usePortfolio(scope);
  const format = useDateFormat();
  const view = portfolio.shown;
  const teams = useMemo(() => [...new Set((view?.rows ?? []).flatMap((r) => (r.team ? [r.team] : [])))].sort(), [view]);

  // The release train (global page) needs a scope before it reads anything: the scope bar stays usable.
  if (!view && portfolio.error) {
    return (
      <Stack space="space.250">
        <Controls height={64}>
          <ScopeBar scope={scope} rows={[]} onApply={setScope} releaseChoices={releaseChoices} />
        </Controls>
        <ErrorMessage error={portfolio.error} onRetry={portfolio.refresh} title={scopeErrorTitle(portfolio.error, scope)} />
      </Stack>
    );
  }
  if (!view) return <Loading label="Loading the program's readiness" />;
  return (
    <Stack space="space.250" testId="readiness-view">
      <Controls height={64}>
        <ScopeBar scope={scope} rows={view.rows} onApply={setScope} releaseChoices={releaseChoices} />
      </Controls>
      {/* A scope the app or Jira refused: said by the scope bar, over the last view that worked. */}
      {portfolio.error ? (
        <Box testId="scope-error">
          <ErrorMessage error={portfolio.error} onRetry={portfolio.refresh} title={scopeErrorTitle(portfolio.error, scope)} />
        </Box>
      ) : null}
      <Inline space="space.150" alignBlock="center" spread="space-between">
        <Text color="color.text.subtle" testId="source">
          {view.source.kind === 'snapshot' ? `Daily snapshot of ${format.dateTime(view.source.at)}` : `Read from Jira ${format.dateTime(view.source.at)}`}
          {portfolio.refreshing ? '; refreshing…' : ''}
        </Text>
        <ExportsMenu scope={scope} onError={setActionError} />
      </Inline>
      {actionError ? <ErrorMessage error={actionError} /> : null}
      <PartialResults warnings={view.warnings} title="Part of the program is missing" testId="partial-warning" />
      <HeadlineTiles tiles={view.tiles} />
      {view.rows.length === 0 ? (
        <EmptyState header="No epics or features in this scope" description="Widen the scope, or create an epic or a feature in this project." />
      ) : (
        <Stack space="space.150">
          {view.rows.length < view.rowsTotal ? (
            <Text color="color.text.subtle" testId="first-rows">
              Showing the {view.rows.length.toLocaleString()} least ready of {view.rowsTotal.toLocaleString()} epics and features; the rest comes with the fresh read.
            </Text>
          ) : null}
          <Controls height={40}>
            <TableControls query={query} teams={teams} onChange={setQuery} />
          </Controls>
          <PortfolioTable rows={view.rows} query={query} onQuery={setQuery} />
        </Stack>
      )}
      <Inline space="space.400" shouldWrap alignBlock="start">
        <Box>
          <Stack space="space.100">
            <Heading size="small" as="h2">
              Trend
            </Heading>
            {/* The train keeps no trend of its own: its view says why. */}
            <TrendChart trend={projectKey ? portfolio.trend : view.trend} />
          </Stack>
        </Box>
        {projectKey ? (
          <Box style={{ flexGrow: 1 }}>
            <Stack space="space.100">
              <Heading size="small" as="h2">
                Committed plan
              </Heading>
              <BaselinePanel view={view} scope={scope} onCommitted={portfolio.replace} />
            </Stack>
          </Box>
        ) : null}
      </Inline>
    </Stack>
  );
}
