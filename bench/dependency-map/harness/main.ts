import '@atlaskit/css-reset';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import DependencyMap from 'virtual:dependency-map';
import type { HarnessResult, HarnessWindow } from './protocol';

/**
 * A bare page with nothing but the dependency map, for the benchmark and the browser tests: they hand it
 * a graph and get back how long it took until the map was on screen.
 */
const harness = window as unknown as Window & HarnessWindow;
harness.openedIssues = [];

/** On screen: React Flow has shown its nodes (it hides them until it has placed them) and drawn edges. */
function onScreen(expectEdges: boolean): Omit<HarnessResult, 'ms'> | null {
  const map = document.querySelector('[data-testid="dependency-map"]');
  const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
  const edges = document.querySelectorAll('.react-flow__edge');
  const first = nodes[0];
  if (!map || !first || getComputedStyle(first).visibility === 'hidden' || (expectEdges && edges.length === 0)) return null;
  return { renderedNodes: nodes.length, renderedEdges: edges.length, layout: map.getAttribute('data-layout') };
}

harness.renderDependencyMap = async (nodes, edges, colorMode = 'light') => {
  // The theme a Custom UI app gets from view.theme.enable(): the design tokens' CSS, loaded before the clock starts.
  await setGlobalTheme({ colorMode });
  return new Promise((resolve) => {
    const started = performance.now();
    createRoot(document.getElementById('root')!).render(
      createElement(DependencyMap, { nodes, edges, height: 900, onOpenIssue: (key: string) => harness.openedIssues.push(key) }),
    );
    const poll = (): void => {
      const shown = onScreen(edges.length > 0);
      // One more frame once it is in the DOM: the one that paints it.
      if (shown) requestAnimationFrame(() => resolve({ ms: performance.now() - started, ...shown }));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
};
