import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';

/** The session changes the shell makes by script (JSON only, see csrf.ts), in a real browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('choosing who to act as in the browser', () => {
  let site: LocalSite;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    site = await startTestSite();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('asks a first-time visitor who to act as, then shows the page they asked for as that user', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}/projects/PAY`);
      expect(new URL(page.url()).pathname).toBe('/__local/login');
      await Promise.all([page.waitForURL(`${site.url}/projects/PAY`), page.click(`[data-user="${USERS.viewer.email}"]`)]);
      expect(await page.getAttribute('#user-switcher option[selected]', 'value')).toBe(USERS.viewer.email);
    } finally {
      await page.close();
    }
  });

  it('switches user and theme from the top bar, staying on the page', async () => {
    const context = await browser.newContext();
    try {
      await context.addCookies([{ name: 'pr_user', value: encodeURIComponent(USERS.lead.email), url: site.url }]);
      const page = await context.newPage();
      await page.goto(`${site.url}/browse/PAY-1`);
      await Promise.all([page.waitForEvent('load'), page.selectOption('#user-switcher', USERS.architect.email)]);
      // The selected attribute is rendered by the server: it shows whom the session now acts as.
      expect(await page.getAttribute('#user-switcher option[selected]', 'value')).toBe(USERS.architect.email);
      expect(page.url()).toBe(`${site.url}/browse/PAY-1`);
      await Promise.all([page.waitForEvent('load'), page.click('#theme-toggle')]);
      expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
      expect(await page.getAttribute('#user-switcher option[selected]', 'value')).toBe(USERS.architect.email);
    } finally {
      await context.close();
    }
  });
});
