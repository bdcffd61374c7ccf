import { Component, lazy, Suspense, useState, type Attributes, type PropsWithRef, type ReactElement, type ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../shared/components';

/*
 * The panel's tabs other than Spec (the one it opens on) load in their own chunks, so the first load carries
 * only what the header and the Spec tab need (docs/PERFORMANCE.md, "Issue panel first load"). The chunks
 * are fetched once the panel has painted (`prefetchTabs`), so a tab switch seldom waits for them.
 */

/** A tab is a function component: it takes no ref. */
type Tab<P> = (props: P) => ReactElement;

const loaders = {
  estimate: () => import('./estimate-tab'),
  decomposition: () => import('./decomposition-tab'),
  dependencies: () => import('./dependencies/dependencies-tab'),
  readiness: () => import('./readiness/readiness-tab'),
  risks: () => import('./risks/risks-tab'),
};

/** Fetches every tab's chunk when the browser is next idle; a failed fetch is repeated when its tab opens. */
export function prefetchTabs(): void {
  const fetchAll = (): void => {
    for (const load of Object.values(loaders)) load().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 2000 });
  else setTimeout(fetchAll, 200);
}

/**
 * A tab whose code loads on demand: a spinner while its chunk loads, and if it cannot load (or throws),
 * an error with "Try again" inside the tab only, so the other tabs, and what is typed in them, stay.
 */
function lazyTab<M, P extends object>(label: string, load: () => Promise<M>, pick: (module: M) => Tab<P>): Tab<P> {
  let attempts = 0;
  const fresh = () =>
    lazy(async () => ({ default: pick(await load().catch((error: unknown) => importAgain<M>(error, ++attempts))) }));
  // One lazy component for every mount, replaced only after a failure: React.lazy keeps a failed load.
  let shared = fresh();
  return function LazyTab(props: P): ReactElement {
    const [Loaded, setLoaded] = useState(() => shared);
    const retry = (): void => {
      shared = fresh();
      setLoaded(() => shared);
    };
    return (
      <TabErrorBoundary label={label} onRetry={retry}>
        <Suspense fallback={<Loading label={`Loading ${label}`} />}>
          <Loaded {...(props as Attributes & PropsWithRef<P>)} />
        </Suspense>
      </TabErrorBoundary>
    );
  };
}

/**
 * The browser keeps a failed module import for the page's life (Chromium does not fetch it again), so a
 * retry imports the chunk named in the error at a new URL. Without a URL in the error it fails as before.
 */
async function importAgain<M>(error: unknown, attempt: number): Promise<M> {
  const url = error instanceof Error ? /https?:\/\/[^\s'"]+\.js/.exec(error.message)?.[0] : undefined;
  if (!url) throw error;
  return (await import(/* @vite-ignore */ `${url}?retry=${attempt}`)) as M;
}

class TabErrorBoundary extends Component<{ label: string; onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const retry = (): void => {
      this.setState({ failed: false });
      this.props.onRetry();
    };
    const message = `The ${this.props.label} could not be shown (the connection may have dropped). What you typed in the other tabs is kept.`;
    return <ErrorMessage error={{ code: 'INTERNAL', message }} onRetry={retry} />;
  }
}

export const EstimateTab = lazyTab('Estimate tab', loaders.estimate, (m) => m.EstimateTab);
export const DecompositionTab = lazyTab('Decomposition tab', loaders.decomposition, (m) => m.DecompositionTab);
export const DependenciesTab = lazyTab('Dependencies tab', loaders.dependencies, (m) => m.DependenciesTab);
export const ReadinessTab = lazyTab('Readiness tab', loaders.readiness, (m) => m.ReadinessTab);
export const RisksTab = lazyTab('Risks tab', loaders.risks, (m) => m.RisksTab);
