import { USERS } from '../support/local-site';
import { openPanels, useBrowser } from '../support/browser';

/** The Planning panel's tabs other than Spec load in their own chunks (docs/PERFORMANCE.md, panel first load). */
const harness = useBrowser();
const { withPage } = harness;

describe('the issue panel tabs loaded on demand', () => {
  it('shows a tab whose code could not load as an error inside that tab, loads it on "Try again", and keeps the text typed in Spec', async () => {
    await withPage(USERS.lead.email, async (page) => {
      // The Estimate tab's chunk fails (the prefetch and the first opening) until the connection is "back".
      let offline = true;
      // (A regular expression: the retry asks for the chunk with a query string.)
      await page.route(/\/estimate-tab-[^/]*\.js/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
      const { panel } = await openPanels(harness, page, 'PAY-23');
      await panel.focus('[data-testid="section-enablers-view"]');
      await page.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid="section-enablers-input"]:focus');
      await page.keyboard.type('typed, not saved yet');

      await panel.click('[role="tab"]:has-text("Estimate")');
      const error = await panel.waitForSelector('[role="tabpanel"]:not([hidden]) [data-testid="error-message"]');
      expect(await error.textContent()).toContain('The Estimate tab could not be shown');
      // The rest of the panel is still there: the header and the other tabs.
      expect(await panel.isVisible('[data-testid="planning-tabs"]')).toBe(true);

      offline = false;
      await error.$('button:has-text("Try again")').then((b) => b!.click());
      await panel.waitForSelector('[data-testid="estimate-tab"]');
      expect(await panel.$('[role="tabpanel"]:not([hidden]) [data-testid="error-message"]')).toBeNull();

      await panel.click('[role="tab"]:has-text("Spec")');
      expect(await panel.inputValue('[data-testid="section-enablers-input"]')).toBe('typed, not saved yet');
    });
  });

  it('switches between every tab, each showing its content once its chunk has loaded', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-1');
      const tabs: Array<[string, string]> = [
        ['Estimate', 'estimate-tab'],
        ['Decomposition', 'decomposition-tab'],
        ['Dependencies', 'dependencies-tab'],
        ['Readiness', 'readiness-tab'],
        ['Risks', 'risks-tab'],
      ];
      for (const [label, testId] of tabs) {
        await panel.click(`[role="tab"]:has-text("${label}")`);
        await panel.waitForSelector(`[data-testid="${testId}"]`);
      }
      await panel.click('[role="tab"]:has-text("Spec")');
      await panel.waitForSelector('[data-testid="spec-tab"]');
    });
  });
});
