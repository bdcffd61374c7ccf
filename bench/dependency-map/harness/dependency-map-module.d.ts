/**
 * The map under test, resolved by the harness build (build-harness.ts) to
 * static/shared/dependency-map/dependency-map.tsx. Declared here because the root TypeScript project,
 * which checks bench/, does not compile the UI's JSX.
 */
declare module 'virtual:dependency-map' {
  import type { ReactElement } from 'react';
  import type { DependencyMapProps } from '../../../static/shared/dependency-map/types';

  export default function DependencyMap(props: DependencyMapProps): ReactElement;
}
