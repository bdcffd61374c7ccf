import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphEdge, GraphNode } from '../../src/domain/dependency-graph/graph';
import { openHarness, renderOn } from '../../bench/dependency-map/map-figures';
import { syntheticMap, toMap } from '../../bench/dependency-map/synthetic-map';
import type { HarnessWindow } from '../../bench/dependency-map/harness/protocol';
import { launchBrowser } from '../../bench/portfolio/ui';
import { ROOT } from '../support/paths';

/**
 * The dependency map in Chromium through the benchmark's harness page: what it draws for a small plan
 * with a cycle, a late dependency, a team and a vendor, and that a large map renders only what is in view.
 * Nothing here is timed.
 */
const issue = (id: string, dueDate: string | null = null): GraphNode => ({ id, kind: 'issue', label: `Item ${id}`, team: 'Atlas', dueDate, releaseDate: null });
const link = (id: string, from: string, to: string, status: GraphEdge['status'] = 'REQUESTED'): GraphEdge => ({ id, from, to, status, neededBy: null, committedBy: null });

const small = toMap(
  [issue('1'), issue('2'), issue('3'), issue('4', '2027-01-10'), issue('5', '2027-02-01'), { ...issue('6'), kind: 'team', label: 'Payments team' }, { ...issue('7'), kind: 'external', label: 'Card vendor' }],
  [
    link('c1', '1', '2'), link('c2', '2', '3'), link('c3', '3', '1', 'COMMITTED'), // a cycle of three issues
    link('late', '4', '5', 'COMMITTED'), // 5 is due after 4, which needs it
    link('team', '4', '6'), link('vendor', '1', '7', 'DELIVERED'), link('no', '5', '1', 'DECLINED'),
  ],
);

interface DrawnEdge { id: string | null; dash: string; label: string | null }
const drawnEdges = (page: Page): Promise<DrawnEdge[]> =>
  page.$$eval('.react-flow__edge', (els) => els.map((el) => ({
    id: el.getAttribute('data-id'),
    dash: el.querySelector<SVGPathElement>('.react-flow__edge-path')?.style.strokeDasharray ?? '',
    label: el.querySelector('.pr-edge-label')?.textContent ?? null,
  })));

describe('the dependency map in Chromium (bench harness)', () => {
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pr-dependency-map-test-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'dependency-map', 'build-harness.ts'), dir], { cwd: ROOT, stdio: 'pipe' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks the cycle and the late dependency in line style and words, and opens issues on click', async () => {
    const { page, close } = await openHarness(browser, dir);
    try {
      const result = await renderOn(page, small.nodes, small.edges);
      expect(result).toMatchObject({ layout: 'dagre', renderedNodes: 7, renderedEdges: 7 });

      const edges = new Map((await drawnEdges(page)).map((e) => [e.id, e]));
      for (const id of ['c1', 'c2', 'c3']) expect(edges.get(id)).toMatchObject({ dash: '2, 4', label: 'cycle' });
      expect(edges.get('late')).toMatchObject({ dash: '8, 5', label: 'late' });
      expect(edges.get('team')).toMatchObject({ dash: '', label: null });

      const onCycle = await page.$$eval('[data-on-cycle="true"]', (els) => els.map((el) => el.getAttribute('data-testid')));
      expect(onCycle.sort()).toEqual(['map-node-1', 'map-node-2', 'map-node-3']);
      expect(await page.textContent('[data-testid="map-node-1"]')).toContain('cycle');
      expect(await page.textContent('[data-testid="map-node-6"]')).toContain('Team');
      expect(await page.isVisible('[data-testid="dependency-map-legend"]')).toBe(true);

      await page.click('[data-testid="map-node-4"]');
      await page.click('[data-testid="map-node-6"]'); // a team has no issue to open
      await page.focus('.react-flow__node[data-id="2"]');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (window as unknown as HarnessWindow).openedIssues)).toEqual(['PRJ-4', 'PRJ-2']);
    } finally {
      await close();
    }
  });

  it('follows the dark theme through the design tokens', async () => {
    const background = async (colorMode: 'light' | 'dark'): Promise<number> => {
      const { page, close } = await openHarness(browser, dir);
      try {
        await renderOn(page, small.nodes, small.edges, colorMode);
        const rgb = await page.$eval('[data-testid="map-node-4"]', (el) => getComputedStyle(el).backgroundColor);
        const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
        return (r + g + b) / 3;
      } finally {
        await close();
      }
    };
    expect(await background('light')).toBeGreaterThan(200);
    expect(await background('dark')).toBeLessThan(80);
  });

  it('lays out a map of 1,000 nodes and 3,000 edges, opens on the highlighted node and renders only what is in view', async () => {
    const { nodes, edges } = syntheticMap(1_000, 3_000);
    // Far from the middle of the layout: the first view goes to it because it is highlighted.
    const focus = nodes[nodes.length - 1]!;
    focus.highlighted = true;
    const { page, close } = await openHarness(browser, dir);
    try {
      const result = await renderOn(page, nodes, edges);
      expect(await page.isVisible(`[data-testid="map-node-${focus.id}"]`)).toBe(true);
      expect(result.layout).toBe('layered');
      expect(result.renderedNodes).toBeGreaterThan(0);
      expect(result.renderedNodes).toBeLessThan(nodes.length);
      expect(result.renderedEdges).toBeLessThan(edges.length);
    } finally {
      await close();
    }
  });
});
