import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { MapEdge, MapNode } from '../../static/shared/dependency-map/types';
import { launchBrowser, median } from '../portfolio/ui';
import { buildHarness } from './build-harness';
import type { HarnessResult, HarnessWindow } from './harness/protocol';
import { syntheticMap } from './synthetic-map';

/**
 * The dependency map's layout and render time in headless Chromium (issue 13, `ui.dependencyMap1000Ms`):
 * the harness page is built once, then each run opens it in a fresh browser context, hands it the graph
 * and waits until nodes and edges are on screen. The graph is made and analysed before the clock starts
 * (a caller gets it from its resolver); loading the map's lazily loaded JavaScript is not in the figure
 * either (docs/PERFORMANCE.md gives its size).
 */
const ORIGIN = 'http://dependency-map.harness';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Opens the harness built in `dir` on a page of a fresh browser context, served from disk (no server,
 * nothing in the work tree).
 */
export async function openHarness(browser: Browser, dir: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route(`${ORIGIN}/**`, (route) => {
    const file = join(dir, new URL(route.request().url()).pathname);
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  return { page, close: () => context.close() };
}

/** Renders a graph on an open harness page. */
export function renderOn(page: Page, nodes: MapNode[], edges: MapEdge[], colorMode: 'light' | 'dark' = 'light'): Promise<HarnessResult> {
  return page.evaluate(([n, e, c]) => (window as unknown as HarnessWindow).renderDependencyMap(n, e, c), [nodes, edges, colorMode] as const);
}

export interface MapFigures {
  nodes: number;
  edges: number;
  medianMs: number;
  samplesMs: number[];
  layout: string | null;
  renderedNodes: number;
  renderedEdges: number;
}

/** Median layout-and-render time of the synthetic map over `runs` fresh pages, after one untimed warm-up. */
export async function dependencyMapFigures(browser: Browser, runs: number, nodeCount = 1_000, edgeCount = 3_000): Promise<MapFigures> {
  const { nodes, edges } = syntheticMap(nodeCount, edgeCount);
  const dir = mkdtempSync(join(tmpdir(), 'pr-dependency-map-'));
  try {
    await buildHarness(dir);
    const samples: number[] = [];
    let last: HarnessResult | null = null;
    for (let i = -1; i < runs; i++) {
      const { page, close } = await openHarness(browser, dir);
      try {
        last = await renderOn(page, nodes, edges);
        if (i >= 0) samples.push(last.ms);
      } finally {
        await close();
      }
    }
    return { nodes: nodeCount, edges: edgeCount, medianMs: median(samples), samplesMs: samples, layout: last!.layout, renderedNodes: last!.renderedNodes, renderedEdges: last!.renderedEdges };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // `node --import tsx bench/dependency-map/map-figures.ts`: just this figure.
  void (async () => {
    const browser = await launchBrowser();
    try {
      console.log(JSON.stringify(await dependencyMapFigures(browser, Number(process.argv[2] ?? 5)), null, 2));
    } finally {
      await browser.close();
    }
  })();
}
