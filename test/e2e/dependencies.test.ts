import type { Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';
import { USERS } from '../support/local-site';

/** Dependencies end to end in Chromium: add one in the panel and see it on the map; close a cycle in Jira's shell. */
const harness = useBrowser();
const { withPage } = harness;

const idOf = (key: string): string => harness.site.store.data.issues.find((i) => i.key === key)!.id;

async function openDependencies(page: Page, issueKey: string): Promise<Frame> {
  const { panel } = await openPanels(harness, page, issueKey);
  await panel.click('[data-testid="dependencies-tab-button"]');
  await panel.waitForSelector('[data-testid="dependencies-tab"]');
  return panel;
}

describe('dependencies in the browser', () => {
  it('adds a dependency in the panel and shows its edge on the map; a cycle closed in Jira is flagged on the issue and the project page', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const panel = await openDependencies(page, 'DATA-12');
      await panel.click('[data-testid="add-dependency"]');
      await panel.fill('#dependency-issue', 'DATA-23');
      // The picker searches Jira as the user types: a key is looked up as it is.
      await panel.click('[role="option"]:has-text("DATA-23")');
      expect(await panel.textContent('[data-testid="link-direction"]')).toContain('DATA-12 is blocked by DATA-23');
      await panel.fill('[data-testid="dependency-description"]', 'Lineage API for the catalogue');
      await panel.click('[data-testid="add-and-request"]');
      await panel.waitForSelector('[data-testid="dependencies-needs"] >> text=Lineage API for the catalogue');
      expect(await panel.textContent('[data-testid="dependencies-needs"]')).toContain('Requested');
      await panel.waitForSelector(`[data-testid="map-node-${idOf('DATA-23')}"]`);
      await panel.waitForSelector(`[data-testid="map-node-${idOf('DATA-12')}"]`);
      expect(await panel.$$eval('.react-flow__edge', (edges) => edges.length)).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: join(SHOTS, 'dependencies-panel.png'), fullPage: true });

      // Close the cycle in Jira's own UI: DATA-23 "is blocked by" DATA-12.
      await page.goto(`${harness.site.url}/browse/DATA-23`);
      await page.selectOption('select[name=linktype]', { label: 'is blocked by' });
      await page.fill('input[name=other]', 'DATA-12');
      await Promise.all([page.waitForEvent('load'), page.click('#shell-link-form button')]);
      await harness.site.events.drain();

      const again = await openDependencies(page, 'DATA-12');
      await again.waitForSelector('[data-testid="issue-on-cycle"]');
      await again.waitForSelector('[data-testid="dependency-cycle"]');

      await page.goto(`${harness.site.url}/projects/DATA/apps/planning-readiness-page`);
      const projectPage = await appFrame(page, 'planning-readiness-page');
      await projectPage.click('[data-testid="view-dependencies"]');
      await projectPage.waitForSelector('[data-testid="portfolio-cycle"]');
      // The seeded cycle of three and this one of two.
      expect(await projectPage.textContent('[data-testid="portfolio-cycle"]')).toBe('5 issues on dependency cycles');
      await projectPage.waitForSelector('[data-testid="team-matrix"]');
      // The critical path gives a length only when its dates make one (user test 17): never a bare "(0 days)".
      expect(await projectPage.textContent('[data-testid="critical-path"]')).not.toContain('(0 days)');
      await page.screenshot({ path: join(SHOTS, 'dependencies-project-page.png'), fullPage: true });
    });
  });

  it("tells an outsider that a dependency on an issue they cannot see exists, in the header and on the map", async () => {
    await withPage(USERS.outsider.email, async (page) => {
      // PAY-12 depends on DATA-18, which the outsider (PAY only) cannot browse (user test 8).
      const panel = await openDependencies(page, 'PAY-12');
      expect(await panel.textContent('[data-testid="dependency-facts"]')).toContain('1 open');
      expect(await panel.textContent('[data-testid="dependency-map-hidden"]')).toContain('1 dependency leads to an issue you do not have permission to see');
      expect(await panel.textContent('[data-testid="dependency-map-section"]')).not.toContain('No dependencies around this issue yet');
      expect(await panel.textContent('[data-testid="dependencies-tab"]')).not.toContain('DATA-18');
    });
  });

  it('lets the providing side decline a request with a reason, from its own issue, in dark mode too', async () => {
    await withPage(
      USERS.architect.email,
      async (page) => {
        // PAY-18 requested PAY-28 in the demo seed; the architect may edit PAY-28, so is its providing side.
        const panel = await openDependencies(page, 'PAY-28');
        const row = '[data-testid="dependencies-needed-by"] [data-testid^="dependency-link:"]';
        await panel.waitForSelector(`${row} >> text=PAY-18`);
        expect(await panel.textContent(row)).toContain('Requested');
        await panel.click(`${row} [data-testid="dependency-decline"]`);
        await panel.click(`${row} [data-testid="dependency-confirm"]`);
        expect(await panel.textContent(row)).toContain('Reason: enter a reason.');
        await panel.fill(`${row} [data-testid="decline-reason"]`, 'The refund API is frozen until the audit ends.');
        await panel.click(`${row} [data-testid="dependency-confirm"]`);
        await panel.waitForSelector(`${row} >> text=Declined: The refund API is frozen until the audit ends.`);
        // The decision is recorded on the dependent (PAY-18), with who made it.
        expect(await panel.textContent(row)).toContain('declined by Arjun Architect');
        await page.screenshot({ path: join(SHOTS, 'dependencies-declined-dark.png'), fullPage: true });
      },
      'dark',
    );
  });
});

describe('the add-dependency form', () => {
  it('counts the characters of what is needed as they are typed, as the spec sections do', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const panel = await openDependencies(page, 'PAY-12');
      await panel.click('[data-testid="add-dependency"]');
      expect(await panel.textContent('[data-testid="dependency-description-counter"]')).toBe('0 / 1,000 characters');
      await panel.fill('[data-testid="dependency-description"]', 'x'.repeat(1_003));
      expect(await panel.textContent('[data-testid="dependency-description-counter"]')).toBe('1,003 / 1,000 characters: shorten by 3');
    });
  });
});

describe('in a 900 px window (the panel is narrower than the page)', () => {
  it('shows every tab label whole, keeps the map legend off the issue’s own node, and breaks no side-panel label', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.setViewportSize({ width: 900, height: 1000 });
      const { side } = await openPanels(harness, page, 'PAY-7');
      // One line of body text: a label that wraps ("Breakdow / n") is twice as tall.
      const label = await side.locator('[data-testid="readiness-context"] span:text-is("Breakdown")').boundingBox();
      expect(label!.height).toBeLessThan(30);
      const panel = await openDependencies(page, 'PAY-7');
      const clipped = await panel.$$eval('[role="tab"]', (tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent));
      expect(clipped).toEqual([]);

      const node = await (await panel.waitForSelector(`[data-testid="map-node-${idOf('PAY-7')}"]`)).boundingBox();
      const legend = await (await panel.waitForSelector('[data-testid="dependency-map-legend"]')).boundingBox();
      const overlaps = node!.x < legend!.x + legend!.width && legend!.x < node!.x + node!.width && node!.y < legend!.y + legend!.height && legend!.y < node!.y + node!.height;
      expect(overlaps).toBe(false);
      await page.screenshot({ path: join(SHOTS, 'narrow-dependencies.png'), fullPage: true });
    });
  });
});
