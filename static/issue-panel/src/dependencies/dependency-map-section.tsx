import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { router } from '@forge/bridge';
import { lazy, Suspense, type ReactElement } from 'react';
import type { DependencyViewDto } from '../../../../src/shared/contract/dependencies';
import { Loading } from '../../../shared/components';
import { Legend } from '../../../shared/dependency-map/legend';

// The layout library is loaded only when the map is shown, so the panel's first paint does not pay for it.
const DependencyMap = lazy(() => import('../../../shared/dependency-map/dependency-map'));

const HOPS = [1, 2, 3].map((n) => ({ value: n, label: `${n} hop${n > 1 ? 's' : ''}` }));

/** The issue's dependency map, upstream and downstream N hops; a click on an issue opens it. */
export function DependencyMapSection({ view, hops, setHops }: { view: DependencyViewDto; hops: number; setHops: (n: number) => void }): ReactElement {
  // The map is read as the user, so a dependency whose far end they cannot see is not drawn; say it exists.
  const hidden = [...view.needs, ...view.neededBy].filter((d) => d.far.kind === 'hidden').length;
  return (
    <Stack space="space.100" testId="dependency-map-section">
      <Inline space="space.100" alignBlock="center">
        <Text weight="medium">Map</Text>
        <div style={{ minWidth: 120 }}>
          <Select inputId="dependency-hops" aria-label="Hops around this issue" options={HOPS} value={HOPS.find((h) => h.value === hops)} onChange={(o) => o && setHops(o.value)} />
        </div>
        {view.map.truncated ? <Text color="color.text.warning">Only part of the graph around this issue is shown.</Text> : null}
      </Inline>
      {hidden > 0 ? (
        <Text color="color.text.subtle" testId="dependency-map-hidden">
          {hidden === 1 ? '1 dependency leads' : `${hidden} dependencies lead`} to an issue you do not have permission to see; the map leaves {hidden === 1 ? 'it' : 'them'} out.
        </Text>
      ) : null}
      {view.map.edges.length === 0 ? (
        hidden > 0 ? null : <Text color="color.text.subtle">No dependencies around this issue yet.</Text>
      ) : (
        <Suspense fallback={<Loading label="Loading the map" />}>
          {/* The panel is narrow: a legend over the map would cover the issue's own node, so it goes below. */}
          <DependencyMap nodes={view.map.nodes} edges={view.map.edges} height={360} overlayLegend={false} onOpenIssue={(key) => void router.navigate(`/browse/${key}`)} />
          <Legend />
        </Suspense>
      )}
    </Stack>
  );
}
