import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_USERS } from '../../local/jira/seed';
import { ROOT, type ScaleSite } from './scale-site';

/**
 * UI figures in headless Chromium: the project page's time to its first table row, and the JavaScript
 * each Custom UI app loads first, gzipped.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE_MODULE = 'planning-readiness-page';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}

/**
 * Milliseconds from navigating to the project page until the app's table shows its first row, each run
 * in a fresh browser context (no cache), as the project lead; the median of `runs`, after one untimed
 * load (the browser's and the site's first-use costs are not the page's).
 */
export async function pageFirstRenderMs(browser: Browser, scale: ScaleSite, runs: number): Promise<{ medianMs: number; samplesMs: number[] }> {
  const samples: number[] = [];
  for (let i = -1; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      await context.addCookies([{ name: 'pr_user', value: encodeURIComponent(DEMO_USERS.lead.email), url: scale.site.url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${scale.site.url}/projects/${scale.firstProjectKey}/apps/${PAGE_MODULE}`);
      const frame = await (await page.waitForSelector(`iframe#${PAGE_MODULE}`)).contentFrame();
      if (!frame) throw new Error(`No frame for ${PAGE_MODULE}`);
      await frame.waitForSelector('[data-testid^="row-"]', { timeout: 60_000 });
      if (i >= 0) samples.push(performance.now() - started);
    } finally {
      await context.close();
    }
  }
  return { medianMs: median(samples), samplesMs: samples };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Gzip bytes of the JavaScript each built Custom UI app loads before it can render: the entry script and
 * the modules its index.html preloads (lazy chunks are left out: they are not on the first load).
 */
export function firstLoadGzipBytes(): Record<string, number> {
  return Object.fromEntries(Object.entries(firstLoadScripts()).map(([app, files]) => [app, files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0)]));
}

/** The files of that first-load JavaScript, per built app. */
export function firstLoadScripts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const app of readdirSync(join(ROOT, 'static'), { withFileTypes: true })) {
    const build = join(ROOT, 'static', app.name, 'build');
    if (!app.isDirectory() || !existsSync(join(build, 'index.html'))) continue;
    const html = readFileSync(join(build, 'index.html'), 'utf8');
    out[app.name] = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => join(build, m[1]!));
  }
  return out;
}
