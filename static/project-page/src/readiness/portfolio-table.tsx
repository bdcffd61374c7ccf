import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import { queryRows, type SortColumn, type TableQuery } from '../../../../src/shared/portfolio/table-query';
import type { PortfolioRowDto } from '../../../../src/shared/contract/project-page';
import { StatusLozenge } from '../../../shared/components';
import { IssueLink } from '../../../shared/issue-link';
import { EstimateCell } from './estimate-cell';
import { ReasonsPanel } from './reasons-panel';

/**
 * The table of epics and features, virtualized: only the rows in view (and a few around them) are in the
 * DOM, so 5,000 rows scroll smoothly. A row expands to the reasons behind its score.
 */
const COLUMNS = '84px minmax(180px, 1fr) 100px 140px 110px 150px 110px 100px 110px';
/** Narrower than this, the table scrolls sideways rather than squeezing its columns. */
const MIN_WIDTH = 1_150;
const ROW_HEIGHT = 40;
/**
 * At most this tall, then it scrolls: Jira sizes the page's iframe to its content, so a height relative to
 * the viewport would grow with it. Fewer rows make a shorter table (no empty area under two rows).
 */
const MAX_HEIGHT = 600;

const STATE = { READY: { label: 'Ready', appearance: 'success' }, AT_RISK: { label: 'At risk', appearance: 'moved' }, NOT_READY: { label: 'Not ready', appearance: 'removed' } } as const;
const SPEC = { DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved', CHANGES_REQUESTED: 'Changes requested' } as Record<string, string>;
const RISK = ['None', 'Low', 'Medium', 'High', 'Critical'];

type Item = { kind: 'group'; name: string; count: number } | { kind: 'row'; row: PortfolioRowDto };

const cellStyle = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function Header({ query, onSort }: { query: TableQuery; onSort: (c: SortColumn) => void }): ReactElement {
  const sortable = (column: SortColumn, label: string): ReactElement => {
    const active = query.sort.column === column;
    return (
      <button
        type="button"
        onClick={() => onSort(column)}
        data-testid={`sort-${column}`}
        aria-sort={active ? (query.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
        style={{ all: 'unset', cursor: 'pointer', fontWeight: 600, color: token('color.text.subtle') }}
      >
        {label}
        {active ? (query.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    );
  };
  const plain = (label: string): ReactElement => <span style={{ fontWeight: 600, color: token('color.text.subtle') }}>{label}</span>;
  return (
    <div role="row" style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, padding: '8px 8px', borderBottom: `2px solid ${token('color.border')}` }}>
      {sortable('key', 'Key')}
      {sortable('summary', 'Summary')}
      {sortable('team', 'Team')}
      {sortable('score', 'Readiness')}
      {plain('Spec')}
      {plain('Estimate vs stories')}
      {plain('Dependencies')}
      {plain('Risks')}
      {sortable('status', 'Status')}
    </div>
  );
}

/** A click on the row's own text toggles it; one on its link or another control does what that control does. */
function onRowClick(e: MouseEvent<HTMLDivElement>, toggle: () => void): void {
  if ((e.target as HTMLElement).closest('a, button, input') === null) toggle();
}

/** Memoized: scrolling re-renders the list, and a row that stays in view must not render again. */
const RowView = memo(function RowView({ row, expanded, onToggle }: { row: PortfolioRowDto; expanded: boolean; onToggle: (key: string) => void }): ReactElement {
  const r = row.readiness;
  const deps = row.dependencies;
  const Chevron = expanded ? ChevronDownIcon : ChevronRightIcon;
  return (
    <div data-testid={`row-${row.key}`} role="row" style={{ borderBottom: `1px solid ${token('color.border')}`, padding: '0 8px' }}>
      {/* The score's button is the keyboard's way in (with its chevron); the row's click is the pointer's. */}
      <div onClick={(e) => onRowClick(e, () => onToggle(row.key))} style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, alignItems: 'center', minHeight: ROW_HEIGHT, cursor: 'pointer' }}>
        <span style={cellStyle}>
          <IssueLink issueKey={row.key} />
        </span>
        <span style={cellStyle} title={row.summary}>
          {row.summary}
        </span>
        <span style={cellStyle}>{row.team ?? '—'}</span>
        <span>
          <button type="button" onClick={() => onToggle(row.key)} aria-expanded={expanded} aria-label={`${expanded ? 'Hide' : 'Show'} the reasons for ${row.key}'s score`} data-testid={`score-${row.key}`} style={{ all: 'unset', cursor: 'pointer', borderRadius: 3, outlineOffset: 2 }}>
            <Inline space="space.050" alignBlock="center">
              <Chevron label="" color={token('color.icon.subtle')} size="small" />
              {r ? (
                <Inline space="space.075" alignBlock="center">
                  <Text weight="bold">{r.score}</Text>
                  <Lozenge appearance={STATE[r.state].appearance}>{STATE[r.state].label}</Lozenge>
                </Inline>
              ) : (
                <Text color="color.text.subtlest">not scored yet</Text>
              )}
            </Inline>
          </button>
        </span>
        <span style={cellStyle}>{row.specStatus ? `${SPEC[row.specStatus] ?? row.specStatus}${row.changedOutsideApp ? ' (changed outside the app)' : ''}` : 'No spec yet'}</span>
        <span style={cellStyle}>
          <EstimateCell row={row} />
        </span>
        <span style={cellStyle}>{deps ? `${deps.open} open${deps.late ? `, ${deps.late} late` : ''}${deps.cycle ? ', cycle' : ''}` : '—'}</span>
        <span style={cellStyle}>{row.risks ? `${RISK[row.risks.level]}${row.risks.blocking ? `, ${row.risks.blocking} blocking` : ''}` : '—'}</span>
        <span style={cellStyle}>
          <StatusLozenge name={row.status.name} category={row.status.category} />
          {row.impediments ? ` ${row.impediments} imp.` : ''}
        </span>
      </div>
      {expanded ? (
        <Box paddingBlock="space.100" paddingInlineStart="space.300">
          <ReasonsPanel row={row} />
        </Box>
      ) : null}
    </div>
  );
});

export function PortfolioTable({ rows, query, onQuery }: { rows: PortfolioRowDto[]; query: TableQuery; onQuery: (q: TableQuery) => void }): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo((): Item[] => {
    const groups = queryRows(rows, query);
    return query.groupBy === 'none' ? groups[0]!.rows.map((row) => ({ kind: 'row', row })) : groups.flatMap((g): Item[] => [{ kind: 'group', name: g.name, count: g.rows.length }, ...g.rows.map((row): Item => ({ kind: 'row', row }))]);
  }, [rows, query]);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, getItemKey: (i) => { const it = items[i]!; return it.kind === 'row' ? `${it.row.key}@${i}` : `group:${it.name}`; } });
  const onSort = (column: SortColumn): void => onQuery({ ...query, sort: { column, direction: query.sort.column === column && query.sort.direction === 'asc' ? 'desc' : 'asc' } });
  const toggle = useCallback((key: string): void => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const shown = items.filter((i) => i.kind === 'row').length;
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtle" testId="table-count">
        {shown.toLocaleString()} of {rows.length.toLocaleString()} epics and features
      </Text>
      <div style={{ overflowX: 'auto', border: `1px solid ${token('color.border')}`, borderRadius: 4 }}>
      <div role="table" aria-rowcount={shown} data-testid="portfolio-table" style={{ minWidth: MIN_WIDTH }}>
        <Header query={query} onSort={onSort} />
        <div ref={scroller} data-testid="table-scroller" style={{ maxHeight: MAX_HEIGHT, overflow: 'auto', position: 'relative' }}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index]!;
              return (
                <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}>
                  {item.kind === 'group' ? (
                    <Box padding="space.100" style={{ background: token('color.background.neutral') }} testId={`group-${item.name}`}>
                      <Text weight="bold">
                        {item.name} ({item.count})
                      </Text>
                    </Box>
                  ) : (
                    <RowView row={item.row} expanded={expanded.has(item.row.key)} onToggle={toggle} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      </div>
    </Stack>
  );
}
