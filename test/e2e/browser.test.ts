import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../local/host/site';
import { ROOT } from '../support/paths';
import { startTestSite, USERS } from '../support/local-site';

/**
 * End to end in headless Debian Chromium: the Jira-like host, the app's built Custom UI bundles in iframes,
 * the injected bridge, the real resolvers and the emulator. Screenshots land in docs/screenshots/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'docs', 'screenshots');

let site: LocalSite;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  for (const app of ['issue-panel', 'issue-context', 'project-page']) {
    if (!existsSync(join(ROOT, 'static', app, 'build', 'index.html'))) throw new Error(`static/${app} is not built: run npm run build first.`);
  }
  mkdirSync(SHOTS, { recursive: true });
  site = await startTestSite();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs `fn` on a fresh page signed in as `email`, closing the browser context afterwards. */
async function withPage(email: string, fn: (page: Page) => Promise<void>, colorMode: 'light' | 'dark' = 'light'): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    await context.addCookies([
      { name: 'pr_user', value: encodeURIComponent(email), url: site.url },
      { name: 'pr_theme', value: colorMode, url: site.url },
    ]);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await fn(page);
  } finally {
    await context.close();
  }
}

async function appFrame(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${moduleKey}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`No frame for ${moduleKey}`);
  return frame;
}

describe('issue view', () => {
  it("shows the epic's key, summary, type, status and assignee in the Readiness side panel", async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${site.url}/browse/PAY-1`);
      const side = await appFrame(page, 'readiness-context');
      await side.waitForSelector('[data-testid="readiness-context"]');
      expect(await side.textContent('[data-testid="issue-key"]')).toBe('PAY-1');
      expect(await side.textContent('[data-testid="issue-summary"]')).toBe('Instant payments on the new ledger');
      expect(await side.textContent('[data-testid="issue-type"]')).toBe('Epic');
      expect(await side.textContent('[data-testid="status-lozenge"]')).toMatch(/In Progress/i);
      expect(await side.textContent('[data-testid="issue-assignee"]')).toContain('Lena Lead');

      const panel = await appFrame(page, 'planning-panel');
      await panel.waitForSelector('[data-testid="planning-panel"]');
      expect(await panel.textContent('[data-testid="fix-versions"]')).toContain('2027.1 (releases 2027-03-26)');
      // The iframe is sized to its content, as Jira does.
      await page.waitForFunction(() => (document.getElementById('planning-panel')?.getBoundingClientRect().height ?? 0) > 150);
      await page.screenshot({ path: join(SHOTS, 'issue-view.png') });
    });
  });

  it('shows data changed in Jira after a reload', async () => {
    await site.jira.handle('PUT', '/rest/api/3/issue/PAY-17', JSON.stringify({ fields: { summary: 'SCA refresh (renamed)' } }), { kind: 'app' });
    await withPage(USERS.architect.email, async (page) => {
      await page.goto(`${site.url}/browse/PAY-17`);
      const side = await appFrame(page, 'readiness-context');
      await side.waitForSelector('[data-testid="issue-summary"]');
      expect(await side.textContent('[data-testid="issue-summary"]')).toBe('SCA refresh (renamed)');
    });
  });

  it('does not show the panels on a story (display conditions)', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${site.url}/browse/PAY-3`);
      await page.waitForSelector('[data-testid="issue-summary"]');
      expect(await page.$('iframe#readiness-context')).toBeNull();
      expect(await page.$('iframe#planning-panel')).toBeNull();
    });
  });

  it('renders in dark mode with design tokens when the user has it on', async () => {
    await withPage(
      USERS.lead.email,
      async (page) => {
        await page.goto(`${site.url}/browse/PAY-2`);
        const side = await appFrame(page, 'readiness-context');
        await side.waitForSelector('[data-testid="readiness-context"]');
        expect(await side.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
        const text = await side.evaluate(() => getComputedStyle(document.querySelector('[data-testid="issue-summary"]')!).color);
        const [r, g, b] = (text.match(/\d+/g) ?? []).map(Number);
        expect((r! + g! + b!) / 3).toBeGreaterThan(150); // light text on a dark surface
        await page.screenshot({ path: join(SHOTS, 'issue-view-dark.png') });
      },
      'dark',
    );
  });

  it('tells an outsider the issue is not available', async () => {
    await withPage(USERS.outsider.email, async (page) => {
      await page.goto(`${site.url}/browse/DATA-1`);
      expect(await page.textContent('h1')).toBe('Issue not found');
    });
  });
});

describe('project page', () => {
  it("lists the project's epics and features", async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${site.url}/projects/DATA/apps/planning-readiness-page`);
      const app = await appFrame(page, 'planning-readiness-page');
      await app.waitForSelector('[data-testid="row-DATA-1"]');
      const rows = await app.$$('[data-testid^="row-"]');
      expect(rows).toHaveLength(20);
      expect(await app.textContent('[data-testid="row-DATA-2"]')).toContain('Managed Kafka clusters');
      expect(await app.$('[data-testid="load-more"]')).toBeNull();
      await page.screenshot({ path: join(SHOTS, 'project-page.png'), fullPage: true });
    });
  });

  it('navigates the Jira page (not the iframe) when an issue link is clicked', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${site.url}/projects/PAY/apps/planning-readiness-page`);
      const app = await appFrame(page, 'planning-readiness-page');
      await app.waitForSelector('[data-testid="row-PAY-2"]');
      await Promise.all([page.waitForURL(`${site.url}/browse/PAY-2`), app.click('[data-testid="row-PAY-2"] a >> text=PAY-2')]);
      expect(await page.textContent('[data-testid="issue-summary"]')).toBe('Ledger posting service');
    });
  });
});
