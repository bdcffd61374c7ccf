import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { PortfolioDependenciesDto } from '../../../../src/shared/contract/dependencies';
import { IssueLink } from '../../../shared/issue-link';

type Cell = PortfolioDependenciesDto['matrix']['cells'][number];

const total = (c: Cell): number => Object.values(c.counts).reduce((a, b) => a + b, 0);
const openOf = (c: Cell): number => c.counts.IDENTIFIED + c.counts.REQUESTED + c.counts.COMMITTED;

/** Team x team (rows need, columns provide), counts by status; a click on a cell lists its dependencies. */
export function TeamMatrixTable({ portfolio }: { portfolio: PortfolioDependenciesDto }): ReactElement {
  const [selected, setSelected] = useState<Cell | null>(null);
  const { teams, cells } = portfolio.matrix;
  const cellOf = (from: string, to: string): Cell | undefined => cells.find((c) => c.fromTeam === from && c.toTeam === to);
  const nodes = new Map(portfolio.nodes.map((n) => [n.id, n]));
  const edges = new Map(portfolio.edges.map((e) => [e.id, e]));
  const end = (id: string): ReactElement => {
    const n = nodes.get(id);
    return n?.key ? <IssueLink issueKey={n.key} /> : <Text>{n?.label ?? id}</Text>;
  };
  return (
    <Stack space="space.150">
      <table data-testid="team-matrix">
        <thead>
          <tr>
            <th>Needs ↓ / provides →</th>
            {teams.map((t) => (
              <th key={t}>{t}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((from) => (
            <tr key={from}>
              <th>{from}</th>
              {teams.map((to) => {
                const c = cellOf(from, to);
                return (
                  <td key={to}>
                    {c && total(c) > 0 ? (
                      <Button spacing="compact" appearance="subtle" testId={`matrix-${from}-${to}`} onClick={() => setSelected(c)}>
                        {`${openOf(c)} open / ${total(c)}`}
                      </Button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {selected ? (
        <Stack space="space.075" testId="matrix-cell-dependencies">
          <Text weight="medium">
            {selected.fromTeam} needs from {selected.toTeam}:
          </Text>
          {selected.edgeIds.map((id) => {
            const e = edges.get(id);
            return e ? (
              <Text key={id}>
                {end(e.from)} needs {end(e.to)} ({e.status.toLowerCase()}
                {e.late ? ', late' : ''})
              </Text>
            ) : null;
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}
