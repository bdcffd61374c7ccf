import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import type { PortfolioViewDto, TrendPointDto } from '../../../../src/shared/contract/project-page';

const WIDTH = 560;
const HEIGHT = 120;
const SERIES: Array<{ key: keyof Omit<TrendPointDto, 'date' | 'total'>; label: string; color: string }> = [
  { key: 'ready', label: 'Ready', color: token('color.chart.success.bold', '#22A06B') },
  { key: 'atRisk', label: 'At risk', color: token('color.chart.warning.bold', '#E2B203') },
  { key: 'notReady', label: 'Not ready', color: token('color.chart.danger.bold', '#E34935') },
  { key: 'notScored', label: 'Not scored yet', color: token('color.chart.neutral', '#8590A2') },
];

/** Readiness over time, one point a day from the daily snapshots: the share of each state. */
export function TrendChart({ trend }: { trend: PortfolioViewDto['trend'] | null }): ReactElement {
  if (!trend) return <Text color="color.text.subtle">The trend starts with the first daily snapshot.</Text>;
  if (trend.points === null) return <Text color="color.text.subtle" testId="trend-hidden">{trend.reason}</Text>;
  const points = trend.points;
  if (points.length === 0) return <Text color="color.text.subtle">The trend starts with the first daily snapshot.</Text>;
  const x = (i: number): number => (points.length === 1 ? WIDTH / 2 : (i * WIDTH) / (points.length - 1));
  const y = (p: TrendPointDto, key: (typeof SERIES)[number]['key']): number => HEIGHT - (p.total === 0 ? 0 : (p[key] * HEIGHT) / p.total);
  const last = points[points.length - 1]!;
  return (
    <Stack space="space.100" testId="trend">
      <svg width={WIDTH} height={HEIGHT + 4} role="img" aria-label={`Readiness over ${points.length} days; on ${last.date} ${last.ready} ready, ${last.atRisk} at risk, ${last.notReady} not ready, ${last.notScored} not scored, of ${last.total}`}>
        {SERIES.map((s) => (
          <polyline key={s.key} fill="none" stroke={s.color} strokeWidth={2} points={points.map((p, i) => `${x(i)},${y(p, s.key) + 2}`).join(' ')} />
        ))}
        {points.length === 1 ? SERIES.map((s) => <circle key={s.key} cx={x(0)} cy={y(last, s.key) + 2} r={4} fill={s.color} />) : null}
      </svg>
      <Text size="small" color="color.text.subtle">
        {SERIES.map((s) => `${s.label}: ${last[s.key]}`).join(' · ')} (of {last.total}, {points[0]!.date} to {last.date})
      </Text>
    </Stack>
  );
}
