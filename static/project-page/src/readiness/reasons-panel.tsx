import { Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import type { PortfolioRowDto } from '../../../../src/shared/contract/project-page';
import type { ScoredCriterionDto } from '../../../../src/shared/contract/readiness';
import { ErrorMessage } from '../../../shared/components';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';

/**
 * Title, points bar, points, why: the why column takes the rest and wraps. At most 960 px wide, so the
 * whole explanation shows without scrolling the table sideways (its columns need 1,150 px).
 */
const GRID = { display: 'grid', width: '100%', maxWidth: 960, gridTemplateColumns: 'minmax(160px, 220px) 96px 104px minmax(240px, 1fr)', columnGap: 12, rowGap: 4, alignItems: 'baseline' } as const;

/** A criterion's points as a bar: full in green, part in yellow, none an empty red track; colours from the theme (dark mode too). */
function PointsBar({ earned, weight }: { earned: number; weight: number }): ReactElement {
  const fill = earned >= weight ? 'color.background.success.bold' : 'color.background.warning.bold';
  const track = earned === 0 ? 'color.background.danger' : 'color.background.neutral';
  return (
    <div aria-hidden style={{ height: 6, borderRadius: 3, background: token(track), overflow: 'hidden', alignSelf: 'start', marginTop: 7 }}>
      <div style={{ width: `${weight > 0 ? (earned * 100) / weight : 0}%`, height: '100%', background: token(fill) }} />
    </div>
  );
}

function Why({ criterion }: { criterion: ScoredCriterionDto | undefined }): ReactElement | null {
  if (!criterion) return null;
  return (
    <Text size="small">
      {criterion.reason}
      {criterion.nextStep ? (
        <Text size="small" color="color.text.subtle">
          {' '}
          Next: {criterion.nextStep}
        </Text>
      ) : null}
    </Text>
  );
}

/**
 * A row's reasons, expanded under it: each criterion with the points it earned of its weight (from the
 * table's row, at once), then why and the next step in words, asked for this one issue when it expands.
 */
export function ReasonsPanel({ row }: { row: PortfolioRowDto }): ReactElement {
  const why = useResolver(() => invoke('portfolio.explain', { issueKey: row.key }), [row.key]);
  if (!row.readiness) return <Text color="color.text.subtle">Not scored yet: the readiness engine has not scored this item.</Text>;
  const explained = why.state === 'ready' ? new Map<string, ScoredCriterionDto>(why.data.criteria.map((c) => [c.criterion, c])) : null;
  // The table shows the stored score; the explanation scores the item as it is now, which a recent change may have moved.
  const moved = why.state === 'ready' && why.data.score !== row.readiness.score;
  return (
    <Stack space="space.100" testId={`reasons-${row.key}`}>
      <div style={GRID}>
        {row.readiness.reasons.map((r) => (
          <div key={r.criterion} style={{ display: 'contents' }} data-testid={`reason-${row.key}-${r.criterion}`}>
            <Text weight={r.earned < r.weight ? 'bold' : 'regular'}>{r.title}</Text>
            <PointsBar earned={r.earned} weight={r.weight} />
            <Text size="small" color={r.earned < r.weight ? 'color.text' : 'color.text.subtle'}>
              {r.earned} of {r.weight} points
            </Text>
            <Why criterion={explained?.get(r.criterion)} />
          </div>
        ))}
      </div>
      {why.state === 'loading' ? (
        <Inline space="space.100" alignBlock="center">
          <Spinner size="small" label="Loading why" />
          <Text size="small" color="color.text.subtle">
            Loading why, and what to do next…
          </Text>
        </Inline>
      ) : null}
      {why.state === 'failed' ? <ErrorMessage error={why.error} onRetry={() => void why.reload()} /> : null}
      {moved ? (
        <Text size="small" color="color.text.warning" testId={`reasons-moved-${row.key}`}>
          Scored {why.data.score} as it is now: the table shows the last stored score, which the next refresh updates.
        </Text>
      ) : null}
    </Stack>
  );
}
