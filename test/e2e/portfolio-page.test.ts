import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../support/local-site';
import { appFrame, SHOTS, useBrowser } from '../support/browser';
import { clearFaults, injectFault } from '../support/faults';
import { takeSnapshotNow } from '../support/portfolio-site';

/** The project page's Readiness view in Chromium: first paint from the snapshot, then the table. */
const harness = useBrowser();
const { withPage } = harness;
afterEach(() => clearFaults(harness.site));

const PAGE = 'planning-readiness-page';
const rowKeys = (app: Frame): Promise<string[]> => app.$$eval('[data-testid^="row-"]', (rows) => rows.map((r) => r.getAttribute('data-testid')!.slice(4)));

/** Every criterion of an expanded row: its title, its points, and (once explained) why, and the next step where points are missing. */
async function expectReasonsInWords(app: Frame, key: string): Promise<void> {
  await app.waitForSelector(`[data-testid="reasons-${key}"] >> text=/The spec is approved\\./`);
  const lines = await app.$$eval(`[data-testid^="reason-${key}-"]`, (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
  expect(lines.length).toBeGreaterThanOrEqual(5);
  for (const [title, , points, why] of lines) {
    expect(title).toMatch(/\S/);
    const [earned, weight] = points!.match(/^(\d+) of (\d+) points$/)!.slice(1).map(Number);
    expect(why).toMatch(earned! < weight! ? /\. Next: .+\.$/ : /\.$/);
  }
}

/** Perceived brightness 0-255 of a CSS rgb() colour. */
function brightness(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.299 * r! + 0.587 * g! + 0.114 * b!;
}

describe('the Readiness view of the project page', () => {
  it('paints from the daily snapshot first, then refreshes from Jira', async () => {
    await takeSnapshotNow(harness.site);
    // The fresh read waits on a slow bulkfetch, so the snapshot's paint is what shows first.
    injectFault(harness.site, { product: 'jira', method: 'POST', path: '/rest/api/3/issue/bulkfetch', times: 1, delayMs: 4_000, effect: { type: 'delay' } });
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="row-PAY-2"]');
      expect(await app.textContent('[data-testid="source"]')).toMatch(/^Daily snapshot of .*refreshing/);
      expect(await app.textContent('[data-testid="tile-ready"]')).toContain('Ready');
      await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/', { timeout: 20_000 });
      expect(await app.textContent('[data-testid="trend"]')).toContain('Ready');
    });
  });

  it('renders the table, and filters, sorts and expands it', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/');
      expect((await rowKeys(app)).length).toBe(20);
      expect(await app.textContent('[data-testid="row-PAY-2"]')).toContain('Ledger posting service');
      expect(await app.textContent('[data-testid="row-PAY-2"]')).toContain('Approved');

      await app.fill('[data-testid="table-filter"]', 'ledger');
      await app.waitForFunction(() => document.querySelectorAll('[data-testid^="row-"]').length < 20);
      const filtered = await rowKeys(app);
      expect(filtered).toContain('PAY-2');
      for (const key of filtered) expect((await app.textContent(`[data-testid="row-${key}"]`))!.toLowerCase()).toContain('ledger');
      expect(await app.textContent('[data-testid="table-count"]')).toBe(`${filtered.length} of 20 epics and features`);

      await app.fill('[data-testid="table-filter"]', '');
      await app.click('[data-testid="sort-key"]');
      await app.waitForFunction(() => document.querySelector('[data-testid^="row-"]')?.getAttribute('data-testid') === 'row-PAY-1');

      // The estimate against the stories' bottom-up points, with the numbers: PAY-2's agrees (the demo's
      // stories carry points); PAY-7's, estimated before its stories were written, diverges in red.
      expect(await app.textContent('[data-testid="estimate-PAY-2"]')).toMatch(/^4\/5agrees\d+-\d+ pts vs \d+ pts$/);
      expect(await app.textContent('[data-testid="estimate-PAY-7"]')).toMatch(/^2\/5diverges1-\d+ pts vs \d+ pts$/);
      const colour = (key: string): Promise<string> => app.$eval(`[data-testid="estimate-points-${key}"]`, (e) => getComputedStyle(e).color);
      expect(await colour('PAY-7')).not.toBe(await colour('PAY-2'));

      // The score shows it opens (a chevron, turned down once open); a click on the row's text opens it too.
      expect(await app.getAttribute('[data-testid="score-PAY-2"]', 'aria-expanded')).toBe('false');
      expect(await app.locator('[data-testid="score-PAY-2"] svg').count()).toBe(1);
      await app.click('[data-testid="row-PAY-2"] >> text=Ledger posting service');
      expect(await app.getAttribute('[data-testid="score-PAY-2"]', 'aria-expanded')).toBe('true');
      // The reasons in words: each criterion by its title, its points of its weight, then why and the next step.
      await expectReasonsInWords(app, 'PAY-2');
      await app.click('[data-testid="score-PAY-2"]');
      await app.waitForSelector('[data-testid="reasons-PAY-2"]', { state: 'detached' });
      await app.click('[data-testid="score-PAY-2"]');
      await expectReasonsInWords(app, 'PAY-2');
      await page.screenshot({ path: join(SHOTS, 'portfolio-readiness.png'), fullPage: true });
    });
  });

  it('reads in dark mode: an expanded row with its reasons in words', async () => {
    await withPage(
      USERS.viewer.email,
      async (page) => {
        await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
        const app = await appFrame(page, PAGE);
        await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/');
        await app.click('[data-testid="score-PAY-2"]');
        await expectReasonsInWords(app, 'PAY-2');
        // Dark text on a dark page would be unreadable: the reasons take the theme's own text colour.
        const colour = await app.$eval('[data-testid="reason-PAY-2-spec"] span', (el) => getComputedStyle(el).color);
        expect(brightness(colour)).toBeGreaterThan(150);
        await app.locator('[data-testid="row-PAY-2"]').screenshot({ path: join(SHOTS, 'portfolio-reasons-dark.png') });
      },
      'dark',
    );
  });

  it('narrows the scope by JQL, and says what is wrong with a JQL it cannot run', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/');
      await app.fill('[data-testid="scope-jql"]', 'key = PAY-2 order by key');
      expect(await app.textContent('[data-testid="scope-problem"]')).toContain('ORDER BY');
      await app.fill('[data-testid="scope-jql"]', 'key in (PAY-2, PAY-7)');
      await app.click('[data-testid="scope-apply"]');
      await app.waitForFunction(() => document.querySelectorAll('[data-testid^="row-"]').length === 2);
      expect((await rowKeys(app)).sort()).toEqual(['PAY-2', 'PAY-7']);
      // The table is as tall as its two rows, not a fixed 600 px with an empty area under them.
      expect((await app.locator('[data-testid="table-scroller"]').boundingBox())!.height).toBeLessThan(150);
      await app.fill('[data-testid="scope-jql"]', 'nonsense ~~ x');
      await app.click('[data-testid="scope-apply"]');
      // Jira's message by the scope bar, over the last view that worked: its rows and tiles stay on screen.
      await app.waitForSelector('[data-testid="scope-error"] >> text=Jira could not run this JQL');
      expect(await app.textContent('[data-testid="scope-error"]')).toContain('Error in your JQL');
      expect((await rowKeys(app)).sort()).toEqual(['PAY-2', 'PAY-7']);
      const top = async (testId: string): Promise<number> => (await app.locator(`[data-testid="${testId}"]`).first().boundingBox())!.y;
      expect(await top('scope-error')).toBeLessThan(await top('source'));
    });
  });

  it("asks before replacing a committed plan, naming whose it is; a viewer is not offered to commit", async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/');
      // The demo seed has Lena's plan committed, and PAY-17's estimate redone since: replacing it asks
      // first, and "Keep it" keeps it with its drift.
      const committed = await app.textContent('[data-testid="baseline-by"]');
      expect(await app.textContent('[data-testid="drift-estimates"]')).toContain('PAY-17');
      expect(committed).toMatch(/^Plan committed by Lena Lead on /);
      const dialog = app.locator('[role="dialog"][data-testid="confirm-commit"]');
      await app.click('[data-testid="commit-plan"]');
      await dialog.waitFor();
      expect(await dialog.textContent()).toMatch(/Replace the committed plan\?.*committed by Lena Lead on .+drift/);
      await app.click('[data-testid="confirm-commit-cancel"]');
      await dialog.waitFor({ state: 'detached' });
      expect(await app.textContent('[data-testid="baseline-by"]')).toBe(committed);
      expect(await app.textContent('[data-testid="drift-estimates"]')).toContain('PAY-17');
      // Confirmed, the plan is replaced: its drift starts again from zero.
      await app.click('[data-testid="commit-plan"]');
      await app.click('[data-testid="confirm-commit-confirm"]');
      await app.waitForSelector('[data-testid="drift-estimates"] >> text="Estimates changed: 0"');
      expect(await app.textContent('[data-testid="baseline-by"]')).toMatch(/^Plan committed by Lena Lead on /);
    });
    await withPage(USERS.viewer.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/');
      expect(await app.textContent('[data-testid="baseline-by"]')).toContain('People who can edit issues in this project commit the plan.');
      expect(await app.locator('[data-testid="commit-plan"]').count()).toBe(0);
      // Nor the agenda's actions: the viewer reads it.
      await app.click('[data-testid="view-escalations"]');
      await app.waitForSelector('[data-testid="agenda-read-only"]');
      expect(await app.locator('[data-testid^="impediment-"]').count()).toBeGreaterThan(0);
      expect(await app.locator('[data-testid="close-meeting"]').count()).toBe(0);
      expect(await app.locator('text=Mark discussed').count()).toBe(0);
      expect(await app.locator('text=Assign to me').count()).toBe(0);
    });
  });

  it('shows a warning naming what is missing when Jira refuses part of the read', async () => {
    injectFault(harness.site, { product: 'jira', method: 'POST', path: '/rest/api/3/issue/bulkfetch', effect: { type: 'status', status: 429, retryAfterSeconds: 0 } });
    await withPage(USERS.viewer.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/DATA/apps/${PAGE}`);
      const app = await appFrame(page, PAGE);
      await app.waitForSelector('[data-testid="partial-warning"]', { timeout: 30_000 });
      expect(await app.textContent('[data-testid="partial-warning"]')).toContain('could not be read from Jira');
    });
  });
});
