import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import type { PortfolioTilesDto } from '../../../../src/shared/contract/project-page';

/** A share as a whole percentage, 0 when there is nothing to share (never NaN on screen). */
const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part * 100) / total));

function Tile({ id, label, value, detail }: { id: string; label: string; value: string; detail: string }): ReactElement {
  return (
    <Box
      testId={`tile-${id}`}
      padding="space.150"
      style={{ border: `1px solid ${token('color.border')}`, borderRadius: 8, minWidth: 150, background: token('elevation.surface.raised') }}
    >
      <Stack space="space.050">
        <Text size="small" color="color.text.subtle">
          {label}
        </Text>
        <Text size="large" weight="bold">
          {value}
        </Text>
        <Text size="small" color="color.text.subtlest">
          {detail}
        </Text>
      </Stack>
    </Box>
  );
}

/** The headline tiles: shares of the program by readiness state, and what holds it back. */
export function HeadlineTiles({ tiles }: { tiles: PortfolioTilesDto }): ReactElement {
  const share = (n: number): string => `${percent(n, tiles.total)}%`;
  const of = (n: number): string => `${n.toLocaleString()} of ${tiles.total.toLocaleString()}`;
  return (
    <Inline space="space.150" shouldWrap testId="headline-tiles">
      <Tile id="ready" label="Ready" value={share(tiles.ready)} detail={of(tiles.ready)} />
      <Tile id="at-risk" label="At risk" value={share(tiles.atRisk)} detail={of(tiles.atRisk)} />
      <Tile id="not-ready" label="Not ready" value={share(tiles.notReady)} detail={`${of(tiles.notReady)}; ${tiles.notScored.toLocaleString()} not scored yet`} />
      <Tile id="impediments" label="Open impediments" value={tiles.openImpediments.toLocaleString()} detail="escalated, still open" />
      <Tile id="late" label="Late dependencies" value={tiles.lateDependencies.toLocaleString()} detail="needed before they are committed" />
      <Tile id="critical" label="Critical risks" value={tiles.criticalRisks.toLocaleString()} detail="items whose highest risk is Critical" />
      <Tile id="spec" label="Spec approval" value={share(tiles.specApproved)} detail={`${of(tiles.specApproved)} approved`} />
      <Tile id="estimates" label="Estimate coverage" value={share(tiles.estimated)} detail={`${of(tiles.estimated)} estimated`} />
    </Inline>
  );
}
