import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../local/host/site';
import { startTestSite } from './local-site';
import { ROOT } from './paths';

/**
 * End-to-end harness: headless Debian Chromium against a fresh demo site that serves the app's built
 * Custom UI bundles with the injected bridge, the real resolvers and the emulator.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the e2e tests put their screenshots: an ignored folder, so `npm test` leaves the work tree clean.
 * `npm run screenshots` sets UPDATE_SCREENSHOTS=1 to refresh the ones README shows, under the same names.
 */
export const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

export interface BrowserHarness {
  site: LocalSite;
  /** Runs `fn` on a fresh page signed in as `email`, closing the browser context afterwards. */
  withPage(email: string, fn: (page: Page) => Promise<void>, colorMode?: 'light' | 'dark'): Promise<void>;
}

/** Registers beforeAll/afterAll hooks in the calling test file and returns the harness they fill in (on the demo app, or the site `startSite` makes). */
export function useBrowser(startSite: () => Promise<LocalSite> = startTestSite): BrowserHarness {
  let browser: Browser;
  const harness = { site: undefined as unknown as LocalSite } as BrowserHarness;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    const apps = readdirSync(join(ROOT, 'static'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(ROOT, 'static', d.name, 'index.html')));
    for (const app of apps) {
      if (!existsSync(join(ROOT, 'static', app.name, 'build', 'index.html'))) throw new Error(`static/${app.name} is not built: run npm run build first.`);
    }
    mkdirSync(SHOTS, { recursive: true });
    harness.site = await startSite();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness.site?.close();
  });
  harness.withPage = async (email, fn, colorMode = 'light') => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      await context.addCookies([
        { name: 'pr_user', value: encodeURIComponent(email), url: harness.site.url },
        { name: 'pr_theme', value: colorMode, url: harness.site.url },
      ]);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await fn(page);
    } finally {
      await context.close();
    }
  };
  return harness;
}

/** Opens an issue and waits for both of the app's panels: the Planning panel and the Readiness side panel. */
export async function openPanels(harness: BrowserHarness, page: Page, issueKey: string): Promise<{ panel: Frame; side: Frame }> {
  await page.goto(`${harness.site.url}/browse/${issueKey}`);
  const panel = await appFrame(page, 'planning-panel');
  await panel.waitForSelector('[data-testid="spec-tab"]');
  const side = await appFrame(page, 'readiness-context');
  await side.waitForSelector('[data-testid="context-spec-status"]');
  return { panel, side };
}

/** The iframe of one of the app's modules on the host page. */
export async function appFrame(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${moduleKey}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`No frame for ${moduleKey}`);
  return frame;
}
