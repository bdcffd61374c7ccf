import { LANDED_FEATURES } from '../../src/application/readiness/landed-features';
import type { Frame } from 'playwright-core';
import { join } from 'node:path';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';
import { USERS } from '../support/local-site';
import { writeSection } from '../support/spec-sections';

/**
 * Issue 11 in Chromium: a change to a spec section rescored on the spot, on the Planning panel's Readiness
 * tab and in the side panel, with the reasons that changed; and the readiness section of the settings page.
 */
const harness = useBrowser();
const { withPage } = harness;

const text = async (frame: Frame, testId: string): Promise<string> => (await frame.textContent(`[data-testid="${testId}"]`)) ?? '';
const scoreOf = (shown: string): number => Number(/^(\d+) \/ 100/.exec(shown.trim())![1]);

async function openReadinessTab(panel: Frame): Promise<void> {
  await panel.click('[data-testid="readiness-tab-button"]');
  await panel.waitForSelector('[data-testid="readiness-criteria"]');
}

describe('readiness on the issue', () => {
  it('changes its score and reasons on the Planning panel and the side panel when a spec section is written', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanels(harness, page, 'PAY-12');
      await openReadinessTab(panel);
      const nfrRow = '[data-testid="readiness-criterion-nfrsAndAcceptance"]';
      expect(await panel.textContent(`${nfrRow} [data-testid="readiness-reason"]`)).toBe('The spec has no non-functional requirements and acceptance criteria.');
      const [points, weight] = ((await panel.textContent(`${nfrRow} [data-testid="readiness-points"]`)) ?? '').split(' / ').map(Number);
      expect(points).toBe(0);
      const before = scoreOf(await text(panel, 'readiness-score'));
      await side.waitForSelector('[data-testid="context-readiness-score"]');
      expect(scoreOf(await text(side, 'context-readiness-score'))).toBe(before);
      expect(await text(side, 'context-readiness-reasons')).toContain('NFRs and acceptance criteria (0/');

      await panel.click('[role="tab"]:has-text("Spec")');
      await writeSection(panel, 'acceptance', 'Payments settle within one business day; no duplicate settlement.');
      await openReadinessTab(panel);
      const half = Math.floor(weight! / 2);
      await panel.waitForFunction((row) => document.querySelector(`${row} [data-testid="readiness-reason"]`)?.textContent === 'The spec has no non-functional requirements.', nfrRow);
      expect(await panel.textContent(`${nfrRow} [data-testid="readiness-reason"]`)).toBe('The spec has no non-functional requirements.');
      expect(await panel.textContent(`${nfrRow} [data-testid="readiness-next-step"]`)).toBe('Next: Write the non-functional requirements in the spec.');
      expect(scoreOf(await text(panel, 'readiness-score'))).toBe(before + half);
      // The side panel follows the save without a reload.
      await side.waitForFunction((expected) => document.querySelector('[data-testid="context-readiness-score"]')?.textContent?.startsWith(`${expected} /`), before + half);
      expect(await text(side, 'context-readiness-reasons')).toContain(`NFRs and acceptance criteria (${half}/${weight}): The spec has no non-functional requirements.`);
      await panel.locator('[data-testid="readiness-tab"]').screenshot({ path: join(SHOTS, 'readiness-tab.png') });
      await side.locator('[data-testid="context-readiness"]').screenshot({ path: join(SHOTS, 'readiness-side-panel.png') });
    });
  });

  it('reads in dark mode: an approved, estimated epic with every criterion explained', async () => {
    await withPage(
      USERS.viewer.email,
      async (page) => {
        const { panel } = await openPanels(harness, page, 'PAY-1');
        await openReadinessTab(panel);
        // The five planning criteria, features ready (an epic with features), and one per feature that has landed.
        expect(await panel.locator('[data-testid^="readiness-criterion-"]').count()).toBe(6 + LANDED_FEATURES.length);
        expect(await panel.textContent('[data-testid="readiness-criterion-spec"] [data-testid="readiness-reason"]')).toBe('The spec is approved.');
        // User test item 1: the epic's own Readiness tab says how many of its features are not ready.
        expect(await panel.textContent('[data-testid="readiness-criterion-features"] [data-testid="readiness-reason"]')).toMatch(/^\d of 3 features (is|are) not ready/);
        await panel.locator('[data-testid="readiness-tab"]').screenshot({ path: join(SHOTS, 'readiness-tab-dark.png') });
      },
      'dark',
    );
  });
});

describe('readiness settings', () => {
  it('saves new weights and shows the project being recomputed until it is done', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-settings`);
      const frame = await appFrame(page, 'planning-readiness-settings');
      await frame.waitForSelector('[data-testid="readiness-settings-form"]');
      await frame.fill('[data-testid="readiness-weight-techLead"]', '150');
      await frame.click('[data-testid="readiness-settings-save"]');
      expect(await text(frame, 'readiness-weight-techLead-error')).toBe('Choose 0 to 100.');
      await frame.fill('[data-testid="readiness-weight-techLead"]', '30');
      await frame.click('[data-testid="readiness-settings-save"]');
      await frame.waitForSelector('[data-testid="readiness-recomputed"]', { timeout: 30_000 });
      expect(await frame.inputValue('[data-testid="readiness-weight-techLead"]')).toBe('30');
      expect(await text(frame, 'readiness-recomputed')).toMatch(/^Recomputed: \d+ items rescored, \d+ changed\.$/);
      await frame.locator('[data-testid="readiness-settings"]').screenshot({ path: join(SHOTS, 'readiness-settings.png') });
    });
  });
});
