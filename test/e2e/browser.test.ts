import { join } from 'node:path';
import { USERS } from '../support/local-site';
import { appFrame, SHOTS, useBrowser } from '../support/browser';

/** The foundation's surfaces end to end in Chromium. Screenshots land in SHOTS (see test/support/browser.ts). */
const harness = useBrowser();
const { withPage } = harness;

describe('issue view', () => {
  it("shows the epic's key, summary, type, status and assignee in the Readiness side panel", async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-1`);
      const side = await appFrame(page, 'readiness-context');
      await side.waitForSelector('[data-testid="readiness-context"]');
      expect(await side.textContent('[data-testid="issue-key"]')).toBe('PAY-1');
      expect(await side.textContent('[data-testid="issue-summary"]')).toBe('Instant payments on the new ledger');
      expect(await side.textContent('[data-testid="issue-type"]')).toBe('Epic');
      expect(await side.textContent('[data-testid="status-lozenge"]')).toMatch(/In Progress/i);
      expect(await side.textContent('[data-testid="issue-assignee"]')).toContain('Lena Lead');

      const panel = await appFrame(page, 'planning-panel');
      await panel.waitForSelector('[data-testid="planning-panel"]');
      expect(await panel.textContent('[data-testid="fix-versions"]')).toContain('2027.1 (releases 26 Mar 2027)'); // in the user's locale (en-GB)
      // The iframe is sized to its content, as Jira does.
      await page.waitForFunction(() => (document.getElementById('planning-panel')?.getBoundingClientRect().height ?? 0) > 150);
      await page.screenshot({ path: join(SHOTS, 'issue-view.png') });
    });
  });

  it('shows data changed in Jira after a reload', async () => {
    await harness.site.jira.handle('PUT', '/rest/api/3/issue/PAY-17', JSON.stringify({ fields: { summary: 'SCA refresh (renamed)' } }), { kind: 'app' });
    await withPage(USERS.architect.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-17`);
      const side = await appFrame(page, 'readiness-context');
      await side.waitForSelector('[data-testid="issue-summary"]');
      expect(await side.textContent('[data-testid="issue-summary"]')).toBe('SCA refresh (renamed)');
    });
  });

  it('does not show the panels on a story (display conditions)', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-3`);
      await page.waitForSelector('[data-testid="issue-summary"]');
      expect(await page.$('iframe#readiness-context')).toBeNull();
      expect(await page.$('iframe#planning-panel')).toBeNull();
    });
  });

  it('renders in dark mode with design tokens when the user has it on', async () => {
    await withPage(
      USERS.lead.email,
      async (page) => {
        await page.goto(`${harness.site.url}/browse/PAY-2`);
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

  it("shows the record's times in each user's time zone (London and Berlin)", async () => {
    const firstChange = async (email: string): Promise<string> => {
      let line = '';
      await withPage(email, async (page) => {
        await page.goto(`${harness.site.url}/browse/DATA-2`);
        const panel = await appFrame(page, 'planning-panel');
        await panel.waitForSelector('[data-testid="history"]');
        line = (await panel.textContent('[data-testid="history"] > :nth-child(2)')) ?? '';
      });
      return line;
    };
    const hourOf = (line: string): number => Number(/, (\d\d):\d\d\)$/.exec(line)?.[1]);
    const london = await firstChange(USERS.lead.email); // Europe/London
    const berlin = await firstChange('chen@demo.test'); // Europe/Berlin
    expect(london).toMatch(/\(\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d\)$/);
    expect((hourOf(berlin) - hourOf(london) + 24) % 24).toBe(1); // Berlin is an hour ahead of London all year
  });

  it('tells an outsider the issue is not available', async () => {
    await withPage(USERS.outsider.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/DATA-1`);
      expect(await page.textContent('h1')).toBe('Issue not found');
    });
  });
});

describe('project page', () => {
  it("lists the project's epics and features", async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/DATA/apps/planning-readiness-page`);
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
      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-page`);
      const app = await appFrame(page, 'planning-readiness-page');
      await app.waitForSelector('[data-testid="row-PAY-2"]');
      await Promise.all([page.waitForURL(`${harness.site.url}/browse/PAY-2`), app.click('[data-testid="row-PAY-2"] a >> text=PAY-2')]);
      expect(await page.textContent('[data-testid="issue-summary"]')).toBe('Ledger posting service');
    });
  });
});
