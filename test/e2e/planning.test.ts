import type { Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { USERS } from '../support/local-site';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';
import { clearFaults, injectFault } from '../support/faults';
import { openSection, typeSection, writeSection } from '../support/spec-sections';

/** The planning record end to end in Chromium: spec, review and approval, estimate, decomposition. */
const harness = useBrowser();
const { withPage } = harness;

const openPanel = (page: Page, issueKey: string): Promise<{ panel: Frame; side: Frame }> => openPanels(harness, page, issueKey);

/** The project settings page of a project, reached as a user does: from the project's sidebar. */
async function openSettings(page: Page, projectKey: string): Promise<Frame> {
  await page.goto(`${harness.site.url}/projects/${projectKey}`);
  await page.click('[data-testid="nav-planning-readiness-settings"]');
  const settings = await appFrame(page, 'planning-readiness-settings');
  await settings.waitForSelector('[data-testid="settings-form"]');
  return settings;
}

describe('technical spec', () => {
  it('is written by the lead, approved by the architect, and the side panel shows the status', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanel(page, 'PAY-33');
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('Draft');
      const context = 'Merchants wait 9 days for onboarding; sales loses 30% of sign-ups.';
      await openSection(panel, 'context');
      await panel.fill('[data-testid="section-context-input"]', context);
      expect(await panel.textContent('[data-testid="section-context-counter"]')).toBe(`${context.length} / 3,000 characters`);
      await panel.click('[data-testid="section-context-save"]');
      await panel.waitForSelector('[data-testid="section-context-saved"]');
      await writeSection(panel, 'approach', 'Self-service flow on the onboarding service; KYB checks through the provider API.');
      await panel.click('[data-testid="spec-submit"]');
      await panel.waitForSelector('[data-testid="spec-status"]:has-text("In review")');
      // The side panel follows the Planning panel's saves (Forge events), without a reload.
      await side.waitForSelector('[data-testid="context-spec-status"]:has-text("In review")');
      expect(await panel.$('[data-testid="spec-approve"]')).toBeNull(); // the lead is not a named architect
      expect(await panel.textContent('[data-testid="history"]')).toContain('Lena Lead Submitted the spec for review');
    });
    await withPage(USERS.architect.email, async (page) => {
      const { panel, side } = await openPanel(page, 'PAY-33');
      await panel.click('[data-testid="spec-approve"]');
      await panel.waitForSelector('[data-testid="spec-status"]:has-text("Approved")');
      expect(await panel.textContent('[data-testid="spec-approval"]')).toContain('Approved by Arjun Architect');
      await side.waitForSelector('[data-testid="context-spec-status"]:has-text("Approved")');
      await page.screenshot({ path: join(SHOTS, 'planning-spec-approved.png'), fullPage: true });
    });
    await withPage(USERS.viewer.email, async (page) => {
      const { side } = await openPanel(page, 'PAY-33');
      expect(await side.textContent('[data-testid="context-spec-status"]')).toBe('Approved');
      // The collapsed panel's lozenge, which Jira renders from the status the app published.
      expect(await page.textContent('[data-testid="context-status-readiness-context"]')).toBe('Spec approved');
    });
  });

  it('stores technical text with angle brackets as typed, and never runs it as HTML', async () => {
    const hostile = 'List<Payment> via POST /v1/<tenant>/payments; <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanel(page, 'PAY-49');
      await writeSection(panel, 'approach', hostile);
      const { panel: again, side } = await openPanel(page, 'PAY-49');
      expect(await again.textContent('[data-testid="section-approach-rendered"]')).toBe(hostile);
      await openSection(again, 'approach');
      expect(await again.inputValue('[data-testid="section-approach-input"]')).toBe(hostile);
      for (const frame of [again, side]) {
        expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await frame.locator('img[src="x"], script:has-text("__pwned")').count()).toBe(0);
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    });
  });

  it('shows a counter that turns into an error past the limit, and will not save', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanel(page, 'PAY-39');
      await typeSection(panel, 'nfrs', 'x'.repeat(3005));
      expect(await panel.textContent('[data-testid="section-nfrs-counter"]')).toBe('3,005 / 3,000 characters: shorten by 5');
      expect(await panel.isDisabled('[data-testid="section-nfrs-save"]')).toBe(true);
    });
  });

  it('shows a viewer the record read-only', async () => {
    await withPage(USERS.viewer.email, async (page) => {
      const { panel } = await openPanel(page, 'PAY-1');
      await panel.waitForSelector('[data-testid="read-only"]');
      // The read view only: no button to press, nothing that opens an editor.
      await panel.click('[data-testid="section-context-view"]');
      expect(await panel.$('[data-testid="section-context-input"]')).toBeNull();
      expect(await panel.$('[data-testid="section-context-view"][role="button"]')).toBeNull();
      expect(await panel.textContent('[data-testid="section-context-rendered"]')).not.toBe('');
    });
  });
});

describe('estimate and decomposition', () => {
  it('flags an estimate that diverges from the stories, and a new estimate updates the side panel', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanel(page, 'PAY-7');
      await panel.click('[role="tab"]:has-text("Estimate")');
      await panel.waitForSelector('[data-testid="divergence"]');
      expect(await panel.textContent('[data-testid="divergence"]')).toMatch(/above the estimated 1-\d+ points/);
      await panel.click('[data-testid="estimate-kind-tshirt"]');
      await panel.click('#estimate-size');
      await panel.click('text=L (20-40 points)');
      await panel.fill('[data-testid="estimate-assumptions"]', 'Scheme sandbox available from January.');
      await panel.click('[data-testid="estimate-save"]');
      await panel.waitForSelector('[data-testid="estimate-saved"]');
      await panel.waitForSelector('[data-testid="current-estimate"]:has-text("L (20-40 points)")');
      await side.waitForSelector('[data-testid="context-estimate"]:has-text("L (20-40 points)")');
      await page.screenshot({ path: join(SHOTS, 'planning-estimate.png'), fullPage: true });
    });
  });

  it('checks a points range as it is typed and will not send a reversed one', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanel(page, 'PAY-28');
      await panel.click('[role="tab"]:has-text("Estimate")');
      await panel.click('[data-testid="estimate-kind-points"]');
      await panel.fill('[data-testid="estimate-low"]', '13');
      await panel.fill('[data-testid="estimate-high"]', '8');
      await panel.waitForSelector('[data-testid="estimate-high-error"]');
      expect(await panel.textContent('[data-testid="estimate-high-error"]')).toBe('Points: the low end (13) is above the high end (8).');
      await panel.click('[data-testid="estimate-save"]');
      expect(await panel.textContent('[data-testid="current-estimate"]')).toBe('Not estimated yet.');
      await panel.fill('[data-testid="estimate-high"]', '21');
      expect(await panel.$('[data-testid="estimate-high-error"]')).toBeNull();
      await panel.click('[data-testid="estimate-save"]');
      await panel.waitForSelector('[data-testid="current-estimate"]:has-text("13-21 points")');
    });
  });

  it('refuses a negative number as the server does, and shows one message at a time', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanel(page, 'PAY-39');
      await panel.click('[role="tab"]:has-text("Estimate")');
      await panel.click('[data-testid="estimate-kind-points"]');
      await panel.fill('[data-testid="estimate-low"]', '-3');
      await panel.fill('[data-testid="estimate-high"]', '5');
      // The server's own words, before anything is sent.
      expect(await panel.textContent('[data-testid="estimate-low-error"]')).toBe('Points: enter numbers from 0 to 10,000.');
      await panel.click('[data-testid="estimate-save"]');
      expect(await panel.textContent('[data-testid="current-estimate"]')).toBe('Not estimated yet.');

      // A save Jira refuses says "Not saved"; changing a value then drops it, so only the new message shows.
      await panel.fill('[data-testid="estimate-low"]', '2');
      injectFault(harness.site, { product: 'jira', method: 'PUT', path: '/rest/api/3/issue/*/properties/planning-readiness', effect: { type: 'status', status: 500 } });
      await panel.click('[data-testid="estimate-save"]');
      await panel.waitForSelector('[data-testid="estimate-error"]');
      clearFaults(harness.site);
      await panel.fill('[data-testid="estimate-high"]', '-1');
      await panel.waitForSelector('[data-testid="estimate-high-error"]');
      expect(await panel.$('[data-testid="estimate-error"]')).toBeNull();
      expect(await panel.locator('[data-testid$="-error"]:visible').count()).toBe(1);
    });
  });

  it("lists an epic's breakdown: its features by their own type, each with its spec status and estimate, work items by level", async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanel(page, 'DATA-1');
      await panel.click('[role="tab"]:has-text("Decomposition")');
      await panel.waitForSelector('[data-testid="decomposition-tab"]');
      expect(await panel.textContent('[data-testid="level-1"]')).toMatch(/^3 Features: /);
      expect(await panel.textContent('[data-testid="level-0"]')).toMatch(/^\d+ Stor(y|ies)(, \d+ Bugs?)?: /);
      expect(await panel.locator('[data-testid="children"] [data-testid$="-spec"]').count()).toBe(3);
      expect(await panel.textContent('[data-testid="estimated-share"]')).toMatch(/^\d+ of 12 work items at the story level have story points \(\d+%\), \d+ points in all\.$/);
      await page.screenshot({ path: join(SHOTS, 'planning-decomposition.png'), fullPage: true });
    });
  });
});

describe('project settings', () => {
  it('lets the project administrator name an architect, who can then approve', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const settings = await openSettings(page, 'DATA');
      await settings.waitForSelector('[data-testid="architects"]:has-text("Arjun Architect")');
      expect(await settings.$('[data-testid="settings-unsaved"]')).toBeNull();
      // The picker asks Jira as the admin types (debounced) and offers the matching people.
      await settings.fill('#architects', 'chen');
      await settings.click('[role="option"]:has-text("Chen Wei")');
      await settings.waitForSelector('[data-testid="architects"]:has-text("Chen Wei")');
      await settings.waitForSelector('[data-testid="settings-unsaved"]');
      await settings.click('[data-testid="settings-save"]');
      await settings.waitForSelector('[data-testid="settings-saved"]');
      expect(await settings.$('[data-testid="settings-unsaved"]')).toBeNull();
      await page.screenshot({ path: join(SHOTS, 'project-settings.png'), fullPage: true });
    });
    await withPage('chen@demo.test', async (page) => {
      const { panel } = await openPanel(page, 'DATA-1'); // in review since the seed
      await panel.click('[data-testid="spec-approve"]');
      await panel.waitForSelector('[data-testid="spec-status"]:has-text("Approved")');
      expect(await panel.textContent('[data-testid="spec-approval"]')).toContain('Approved by Chen Wei');
    });
  });

  it('says what is wrong with a value as it is typed, and shows a change as unsaved until it is saved', async () => {
    await withPage(USERS.lead.email, async (page) => {
      // DATA, not PAY: the estimate tests here judge PAY's epics against PAY's scale and threshold.
      const settings = await openSettings(page, 'DATA');
      await settings.fill('[data-testid="threshold"]', '500');
      await settings.waitForSelector('[data-testid="threshold-error"]');
      expect(await settings.textContent('[data-testid="threshold-error"]')).toBe('Choose 0 to 200.');
      await settings.fill('[data-testid="high-M"]', '5');
      expect(await settings.textContent('[data-testid="high-M-error"]')).toBe('Below the low end.');
      expect(await settings.$('[data-testid="settings-unsaved"]')).not.toBeNull();
      await settings.click('[data-testid="settings-save"]');
      expect(await settings.$('[data-testid="settings-saved"]')).toBeNull();
      await settings.fill('[data-testid="threshold"]', '40');
      await settings.fill('[data-testid="high-M"]', '21');
      await settings.click('[data-testid="settings-save"]');
      await settings.waitForSelector('[data-testid="settings-saved"]');
      expect(await settings.$('[data-testid="settings-unsaved"]')).toBeNull();
      expect(await settings.inputValue('[data-testid="threshold"]')).toBe('40');
    });
  });

  it('is not offered to people who do not administer the project', async () => {
    await withPage(USERS.viewer.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/DATA`);
      await page.waitForSelector('nav.sidebar');
      expect(await page.$('[data-testid="nav-planning-readiness-settings"]')).toBeNull();
    });
  });
});
