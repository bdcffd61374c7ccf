import type { Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { USERS } from '../support/local-site';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';

/** Issue 10 in Chromium: a risk raised, rated High on the matrix and ROAMed, and the project's heat map following. */
const harness = useBrowser();
const { withPage } = harness;

async function openRisksTab(page: Page, issueKey: string): Promise<Frame> {
  return (await openRisksTabAndSide(page, issueKey)).panel;
}

async function openRisksTabAndSide(page: Page, issueKey: string): Promise<{ panel: Frame; side: Frame }> {
  const frames = await openPanels(harness, page, issueKey);
  await frames.panel.click('[role="tab"]:has-text("Risks")');
  await frames.panel.waitForSelector('[data-testid="risks-tab"]');
  return frames;
}

async function openRisksView(page: Page, projectKey: string): Promise<Frame> {
  await page.goto(`${harness.site.url}/projects/${projectKey}/apps/planning-readiness-page`);
  const app = await appFrame(page, 'planning-readiness-page');
  await app.click('[data-testid="view-risks"]');
  await app.waitForSelector('[data-testid="risk-heat-map"]');
  return app;
}

const cellCount = async (app: Frame, l: number, i: number): Promise<string> => (await app.textContent(`[data-testid="heat-cell-${l}-${i}"]`))!.trim();

describe('the risk register in the browser', () => {
  it('adds a High risk, ROAMs it, and the heat map and ROAM board follow', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const before = await openRisksView(page, 'PAY');
      expect(await cellCount(before, 4, 3)).toBe('');

      const { panel, side } = await openRisksTabAndSide(page, 'PAY-12');
      expect(await side.textContent('[data-testid="context-risk-level"]')).not.toContain('High');
      await panel.click('[data-testid="risk-add"]');
      await panel.fill('[data-testid="risk-form-title"]', 'Scheme adapter untested under peak load');
      await panel.fill('[data-testid="risk-form-description"]', 'Black Friday volumes were never replayed against it.');
      await panel.click('[data-testid="risk-form-matrix-4-3"]');
      expect(await panel.textContent('[data-testid="risk-form-matrix-chosen"]')).toBe('Likelihood 4 (Likely) x impact 3 (Moderate) = 12: High');
      await panel.click('[data-testid="risk-form-save"]');
      await panel.waitForSelector('[data-testid="risks-summary"]:has-text("highest open rating High (residual for mitigated risks); 1 unROAMed; 1 blocking")');
      const card = panel.locator('[data-testid^="risk-title-"]:has-text("Scheme adapter untested")');
      const riskId = (await card.getAttribute('data-testid'))!.replace('risk-title-', '');
      expect(await panel.textContent(`[data-testid="risk-rating-${riskId}"]`)).toBe('High');
      // The side panel follows the save: the highest open rating is now High.
      await side.waitForSelector('[data-testid="context-risk-level"]:has-text("High")');

      // ROAM it: Owned needs an owner, and the form says so before anything is sent.
      await panel.click(`[data-testid="risk-roam-button-${riskId}"]`);
      await panel.click('[data-testid="roam-state-OWNED"]');
      await panel.click('[data-testid="roam-save"]');
      expect(await panel.textContent('[data-testid="roam-error"]')).toBe('Owner: choose the person who owns the response.');
      await panel.fill('#roam-owner-input', 'Arjun');
      await panel.click('[role="option"]:has-text("Arjun Architect")');
      await panel.click('[data-testid="roam-save"]');
      await panel.waitForSelector(`[data-testid="risk-roam-${riskId}"]:has-text("Owned")`);
      expect(await panel.textContent('[data-testid="risks-summary"]')).toContain('0 unROAMed');
      expect(await panel.textContent('[data-testid="risks-history"]')).toContain('Lena Lead Owned: "Scheme adapter untested under peak load" (owner Arjun Architect)');
      await page.screenshot({ path: join(SHOTS, 'risks-tab.png'), fullPage: true });

      const after = await openRisksView(page, 'PAY');
      expect(await cellCount(after, 4, 3)).toBe('1');
      await after.click('[data-testid="heat-cell-4-3"]');
      await after.waitForSelector('[data-testid="risk-list-count"]:has-text("1 of")');
      expect(await after.textContent('[data-testid="portfolio-risk-list"]')).toContain('Scheme adapter untested under peak load');
      expect(await after.textContent('[data-testid="roam-column-OWNED"]')).toContain('Scheme adapter untested under peak load');
      // The mitigated critical risk of PAY-1 moves to its residual cell in the residual view.
      await after.click('[data-testid="heat-cell-4-3"]');
      expect(await cellCount(after, 4, 5)).toBe('1');
      await after.click('[data-testid="heat-mode-residual"]');
      expect(await cellCount(after, 4, 5)).toBe('');
      expect(await cellCount(after, 2, 4)).toBe('1');
      await page.screenshot({ path: join(SHOTS, 'risks-portfolio.png'), fullPage: true });
    });
  });

  it('rejects bad input with a clear message and loses nothing already saved', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const panel = await openRisksTab(page, 'PAY-2');
      const before = await panel.locator('[data-testid^="risk-title-"]').allTextContents();
      expect(before.length).toBeGreaterThan(0);
      await panel.click('[data-testid="risk-add"]');
      const long = 'x'.repeat(130);
      await panel.fill('[data-testid="risk-form-title"]', long);
      await panel.fill('[data-testid="risk-form-due"]', '2027-01-20');
      await panel.click('[data-testid="risk-form-save"]');
      expect(await panel.textContent('[data-testid="risk-form-title-error"]')).toBe('Title: 130 characters; the limit is 120.');
      expect(await panel.textContent('[data-testid="risk-form-rating-error"]')).toBe('Rating: choose a cell of the matrix.');
      // Nothing was sent: the typed text is still there, and the saved risks are as they were.
      expect(await panel.inputValue('[data-testid="risk-form-title"]')).toBe(long);
      expect(await panel.locator('[data-testid^="risk-title-"]').allTextContents()).toEqual(before);

      // A residual rating above the inherent one cannot be picked; a missing plan is named.
      await panel.click('[data-testid="risk-form-cancel"]');
      const firstId = (await panel.locator('[data-testid^="risk-title-"]').first().getAttribute('data-testid'))!.replace('risk-title-', '');
      await panel.click(`[data-testid="risk-roam-button-${firstId}"]`);
      await panel.click('[data-testid="roam-state-MITIGATED"]');
      expect(await panel.isDisabled('[data-testid="roam-residual-5-5"]')).toBe(true);
      await panel.click('[data-testid="roam-residual-1-1"]');
      await panel.click('[data-testid="roam-save"]');
      expect(await panel.textContent('[data-testid="roam-error"]')).toBe('Mitigation plan: required.');
      const reloaded = await openRisksTab(page, 'PAY-2');
      expect(await reloaded.locator('[data-testid^="risk-title-"]').allTextContents()).toEqual(before);
    });
  });

  it('asks before deleting a risk, and keeps it when the user changes their mind', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const panel = await openRisksTab(page, 'DATA-1');
      const title = panel.locator('[data-testid^="risk-title-"]:has-text("Backfill window too short")');
      const riskId = (await title.getAttribute('data-testid'))!.replace('risk-title-', '');
      const dialog = `[role="dialog"][data-testid="confirm-risk-delete-${riskId}"]`;
      await panel.click(`[data-testid="risk-delete-${riskId}"]`);
      await panel.waitForSelector(dialog);
      expect(await panel.textContent(dialog)).toContain('"Backfill window too short" is removed for everyone, with its rating and ROAM response.');
      await panel.click(`[data-testid="confirm-risk-delete-${riskId}-cancel"]`);
      await panel.waitForSelector(dialog, { state: 'detached' });
      expect(await panel.locator(`[data-testid="risk-${riskId}"]`).count()).toBe(1);

      const again = await openRisksTab(page, 'DATA-1'); // reloaded: the cancelled delete sent nothing
      expect(await again.locator(`[data-testid="risk-${riskId}"]`).count()).toBe(1);
      await again.click(`[data-testid="risk-delete-${riskId}"]`);
      await again.click(`[data-testid="confirm-risk-delete-${riskId}-confirm"]`);
      await again.waitForSelector(`[data-testid="risk-${riskId}"]`, { state: 'detached' });
      expect(await (await openRisksTab(page, 'DATA-1')).locator(`[data-testid="risk-${riskId}"]`).count()).toBe(0);
    });
  });
});

describe('dark mode', () => {
  it('draws the heat map and the Risks tab with the theme’s colours', async () => {
    await withPage(
      USERS.viewer.email,
      async (page) => {
        const app = await openRisksView(page, 'PAY');
        // Design tokens: text on the cells is light on a dark theme.
        const color = await app.$eval('[data-testid="heat-cell-5-5"]', (el) => getComputedStyle(el).color);
        const [r, g, b] = color.match(/\d+/g)!.map(Number);
        expect(r! + g! + b!).toBeGreaterThan(450);
        await page.screenshot({ path: join(SHOTS, 'risks-portfolio-dark.png'), fullPage: true });
        const panel = await openRisksTab(page, 'PAY-1');
        expect(await panel.$('[data-testid="risk-add"]')).toBeNull(); // a viewer reads, and cannot add
        // The headline counts a mitigated risk at its residual rating, and the card shows that rating too.
        expect(await panel.textContent('[data-testid="risks-summary"]')).toContain('highest open rating High (residual for mitigated risks)');
        const mitigated = panel.locator('[data-testid^="risk-title-"]:has-text("Ledger migration loses events")');
        const mitigatedId = (await mitigated.getAttribute('data-testid'))!.replace('risk-title-', '');
        expect(await panel.textContent(`[data-testid="risk-rating-${mitigatedId}"]`)).toBe('Critical');
        expect(await panel.textContent(`[data-testid="risk-residual-${mitigatedId}"]`)).toBe('Medium');
        await page.screenshot({ path: join(SHOTS, 'risks-tab-dark.png'), fullPage: true });
      },
      'dark',
    );
  });
});

describe('risk settings', () => {
  it('let the administrator rename a scale level and refuse thresholds that do not rise', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/DATA`);
      await page.click('[data-testid="nav-planning-readiness-settings"]');
      const settings = await appFrame(page, 'planning-readiness-settings');
      await settings.waitForSelector('[data-testid="risk-settings"]');
      await settings.fill('[data-testid="risk-threshold-high"]', '4');
      expect(await settings.textContent('[data-testid="risk-settings-error"]')).toBe('Thresholds: Medium (5) < High (4) < Critical (20) must rise, within 2 to 25.');
      expect(await settings.isDisabled('[data-testid="risk-settings-save"]')).toBe(true);
      await settings.fill('[data-testid="risk-threshold-high"]', '10');
      await settings.fill('[data-testid="risk-impact-5"]', 'Catastrophic');
      await settings.click('[data-testid="risk-settings-save"]');
      await settings.waitForSelector('[data-testid="risk-settings-saved"]');

      const panel = await openRisksTab(page, 'DATA-7');
      await panel.click('[data-testid="risk-add"]');
      expect(await panel.getAttribute('[data-testid="risk-form-matrix-5-5"]', 'aria-label')).toBe('Likelihood 5 (Almost certain), impact 5 (Catastrophic): Critical, score 25');
    });
  });
});
