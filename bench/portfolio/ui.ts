import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Frame } from 'playwright-core';
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
 * Opens `path` in a fresh browser context (no cache) as the project lead, waits for `selector` in the app's
 * frame of `moduleKey`, and hands `fn` the frame and the milliseconds from navigating until it showed.
 */
async function inFreshPage<T>(browser: Browser, scale: ScaleSite, path: string, moduleKey: string, selector: string, fn: (frame: Frame, ms: number) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    await context.addCookies([{ name: 'pr_user', value: encodeURIComponent(DEMO_USERS.lead.email), url: scale.site.url }]);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${scale.site.url}${path}`);
    const frame = await (await page.waitForSelector(`iframe#${moduleKey}`)).contentFrame();
    if (!frame) throw new Error(`No frame for ${moduleKey}`);
    await frame.waitForSelector(selector, { timeout: 60_000 });
    const result = await fn(frame, performance.now() - started);
    // The page goes on (the project page to its fresh read of every row, through this one host process): let
    // it finish, so the next load does not queue behind it. On Forge each call has its own function instance.
    await page.waitForLoadState('networkidle');
    return result;
  } finally {
    await context.close();
  }
}

/** The median of `runs` timings, after one untimed one (the browser's and the site's first-use costs are not the page's). */
async function medianOfRuns(runs: number, time: () => Promise<number>): Promise<{ medianMs: number; samplesMs: number[] }> {
  const samples: number[] = [];
  for (let i = -1; i < runs; i++) {
    const ms = await time();
    if (i >= 0) samples.push(ms);
  }
  return { medianMs: median(samples), samplesMs: samples };
}

const projectPath = (scale: ScaleSite): string => `/projects/${scale.firstProjectKey}/apps/${PAGE_MODULE}`;
const FIRST_ROW = '[data-testid^="row-"]';

/** Milliseconds from navigating to the project page until the app's table shows its first row (median of `runs`). */
export function pageFirstRenderMs(browser: Browser, scale: ScaleSite, runs: number): Promise<{ medianMs: number; samplesMs: number[] }> {
  return medianOfRuns(runs, () => inFreshPage(browser, scale, projectPath(scale), PAGE_MODULE, FIRST_ROW, (_frame, ms) => Promise.resolve(ms)));
}

/** Frames over this long are jank: 50 ms is where scrolling stops feeling smooth (issue 13). */
const JANK_FRAME_MS = 50;
const SCROLL_STEPS = 120;
/**
 * Runs in the page, as text: a function compiled here would carry the bundler's helpers (and Node's
 * `performance` import) into the browser. The first frame's time starts the clock.
 */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const scroller = document.querySelector('[data-testid="table-scroller"]');
  const deltas = [];
  let last = null;
  let step = 0;
  function tick(now) {
    if (last !== null) deltas.push(now - last);
    last = now;
    if (step++ >= ${SCROLL_STEPS}) {
      resolve({ jankFrames: deltas.filter((d) => d > ${JANK_FRAME_MS}).length, frames: deltas.length, longestFrameMs: Math.max(...deltas) });
      return;
    }
    scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * step) / ${SCROLL_STEPS};
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})`;

/**
 * Scrolls the whole table (top to bottom in SCROLL_STEPS steps, one per animation frame, after the fresh
 * read has replaced the snapshot) and counts the frames that took over JANK_FRAME_MS.
 */
export async function scrollJankFrames(browser: Browser, scale: ScaleSite): Promise<{ jankFrames: number; frames: number; longestFrameMs: number }> {
  return inFreshPage(browser, scale, projectPath(scale), PAGE_MODULE, FIRST_ROW, async (frame) => {
    await frame.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/', { timeout: 60_000 });
    return frame.evaluate<{ jankFrames: number; frames: number; longestFrameMs: number }>(SCROLL_SCRIPT);
  });
}

/** Milliseconds from opening an epic until the Planning panel shows its tabs (median of `runs`). */
export async function panelFirstRenderMs(browser: Browser, scale: ScaleSite, issueKey: string, runs: number): Promise<number> {
  return (await medianOfRuns(runs, () => inFreshPage(browser, scale, `/browse/${issueKey}`, 'planning-panel', '[data-testid="spec-tab"]', (_frame, ms) => Promise.resolve(ms)))).medianMs;
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
