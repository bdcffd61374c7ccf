import type { Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';
import { USERS } from '../support/local-site';
import { editSection, writeSection } from '../support/spec-sections';

/**
 * The review workflow in Chromium (issue 8, item 4 and the lozenge defect): an architect requests changes,
 * the author sees why and resubmits, comments are threaded per section, the project page lists what waits
 * for whom, and the collapsed side panel's lozenge follows every transition without a reload.
 */
const harness = useBrowser();
const { withPage } = harness;

const COLLAPSED = '[data-testid="context-status-readiness-context"]';
/** The collapsed side panel's lozenge: rendered by the host page from the status the app published. */
const collapsedSays = (page: Page, label: string): Promise<unknown> => page.waitForSelector(`${COLLAPSED}:has-text("${label}")`);

async function status(panel: Frame, label: string): Promise<void> {
  await panel.waitForSelector(`[data-testid="spec-status"]:has-text("${label}")`);
}

async function openReviews(page: Page, projectKey: string): Promise<Frame> {
  await page.goto(`${harness.site.url}/projects/${projectKey}/apps/planning-readiness-page`);
  const frame = await appFrame(page, 'planning-readiness-page');
  await frame.waitForSelector('[data-testid="reviews-view"]');
  return frame;
}

describe('requesting changes', () => {
  it('the architect sends the spec back with a comment; the author sees why, edits and resubmits', async () => {
    await withPage(USERS.architect.email, async (page) => {
      const reviews = await openReviews(page, 'PAY');
      await reviews.waitForSelector('[data-testid="waiting-PAY-7"]');

      const { panel, side } = await openPanels(harness, page, 'PAY-7');
      await status(panel, 'In review');
      await panel.click('[data-testid="spec-request-changes"]');
      // Sending nothing is refused on the spot, with one message.
      await panel.click('[data-testid="request-changes-send"]');
      expect(await panel.textContent('[data-testid="request-changes-problem"]')).toBe('Say what the author should change.');
      await panel.fill('[data-testid="request-changes-input"]', 'Say how `List<Payment>` is paged, and give the **p99** target.');
      await panel.press('[data-testid="request-changes-input"]', 'Control+Enter');
      await status(panel, 'Changes requested');
      expect(await panel.$('[data-testid="spec-approve"]')).toBeNull();
      await side.waitForSelector('[data-testid="context-spec-status"]:has-text("Changes requested")');
      await collapsedSays(page, 'Changes requested');
      expect(await panel.textContent('[data-testid="changes-request"]')).toContain('Changes requested by Arjun Architect');
    });

    await withPage(USERS.lead.email, async (page) => {
      const reviews = await openReviews(page, 'PAY');
      await reviews.waitForSelector('[data-testid="mine-PAY-7"]');
      expect(await reviews.textContent('[data-testid="mine-PAY-7"]')).toContain('Arjun Architect');
      expect(await reviews.textContent('[data-testid="reviews-not-architect"]')).toContain('its architects are Arjun Architect');

      const { panel } = await openPanels(harness, page, 'PAY-7');
      await status(panel, 'Changes requested');
      // The author's view: who asked, what (Markdown rendered), and what to do next.
      expect(await panel.textContent('[data-testid="changes-request"]')).toContain('Edit the spec, then resubmit it for review.');
      expect(await panel.textContent('[data-testid="changes-request-comment"] code')).toBe('List<Payment>');
      expect(await panel.textContent('[data-testid="changes-request-comment"] strong')).toBe('p99');
      await page.locator('[data-testid="forge-frame-planning-panel"]').screenshot({ path: join(SHOTS, 'planning-changes-requested.png') });

      // Editing keeps it with the author; resubmitting sends it back to the architects.
      await writeSection(panel, 'nfrs', 'Pages of 100 payments by cursor; p99 < 400 ms.');
      await status(panel, 'Changes requested');
      expect(await panel.textContent('[data-testid="spec-submit"]')).toBe('Resubmit for review');
      await panel.click('[data-testid="spec-submit"]');
      await status(panel, 'In review');
      await collapsedSays(page, 'Spec in review');
      expect(await panel.textContent('[data-testid="changes-request"]')).toContain('Resubmitted after changes requested by Arjun Architect');
    });
  });
});

describe('comments per section', () => {
  it('a reviewer comments on a section and the author replies in the thread', async () => {
    await withPage(USERS.architect.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'DATA-1');
      await panel.click('[data-testid="comment-nfrs-open"]');
      await panel.fill('[data-testid="comment-nfrs-input"]', 'Is `p95 < 200 ms` measured at the gateway?');
      await panel.click('[data-testid="comment-nfrs-send"]');
      await panel.waitForSelector('[data-testid="comments-nfrs"] [data-testid="review-comment"]');
      expect(await panel.textContent('[data-testid="comments-nfrs"] [data-testid="review-comment"] code')).toBe('p95 < 200 ms');
    });
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'DATA-1');
      const reply = panel.locator('[data-testid="comments-nfrs"] button:has-text("Reply")');
      await reply.click();
      await panel.locator('[data-testid="comments-nfrs"] textarea').fill('Yes, at the gateway, over 5 minutes.');
      await panel.locator('[data-testid="comments-nfrs"] textarea').press('Control+Enter');
      await panel.waitForFunction(() => document.querySelectorAll('[data-testid="comments-nfrs"] [data-testid="review-comment"]').length === 2);
      const comments = await panel.locator('[data-testid="comments-nfrs"] [data-testid="review-comment"]').allTextContents();
      expect(comments[0]).toContain('Arjun Architect');
      expect(comments[1]).toContain('Lena Lead');
      expect(comments[1]).toContain('Yes, at the gateway, over 5 minutes.');
      // A comment does not change the spec status.
      await status(panel, 'In review');
    });
  });
});

describe('the collapsed side panel lozenge', () => {
  it('follows submit, request changes, resubmit, approve and an edit after approval, without a reload', async () => {
    await withPage(USERS.lead.email, async (leadPage) => {
      await withPage(USERS.architect.email, async (archPage) => {
        const lead = await openPanels(harness, leadPage, 'PAY-17');
        await leadPage.waitForSelector(`${COLLAPSED}:has-text("Spec draft")`);
        await writeSection(lead.panel, 'approach', 'WebAuthn passkeys first, 3-D Secure as the fallback.');
        await lead.panel.click('[data-testid="spec-submit"]');
        await status(lead.panel, 'In review');
        await collapsedSays(leadPage, 'Spec in review');

        const arch = await openPanels(harness, archPage, 'PAY-17');
        await collapsedSays(archPage, 'Spec in review');
        await arch.panel.click('[data-testid="spec-request-changes"]');
        await arch.panel.fill('[data-testid="request-changes-input"]', 'Name the fallback for devices without passkeys.');
        await arch.panel.click('[data-testid="request-changes-send"]');
        await collapsedSays(archPage, 'Changes requested');

        await leadPage.reload();
        const again = await openPanels(harness, leadPage, 'PAY-17');
        await again.panel.click('[data-testid="spec-submit"]');
        await collapsedSays(leadPage, 'Spec in review');

        await archPage.reload();
        const archAgain = await openPanels(harness, archPage, 'PAY-17');
        await archAgain.panel.click('[data-testid="spec-approve"]');
        await collapsedSays(archPage, 'Spec approved');

        await leadPage.reload();
        const third = await openPanels(harness, leadPage, 'PAY-17');
        await collapsedSays(leadPage, 'Spec approved');
        await editSection(third.panel, 'openQuestions', 'Which issuers still lack 3-D Secure 2?');
        await third.panel.click('[data-testid="confirm-reopen-confirm"]');
        await third.panel.waitForSelector('[data-testid="section-openQuestions-saved"]');
        await collapsedSays(leadPage, 'Spec in review');
      });
    });
  });
});

describe('the console', () => {
  it('stays free of warnings and errors (no Atlaskit feature-gate warnings) on the issue view, the project page and the settings page', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const noise: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') noise.push(`${m.type()}: ${m.text().slice(0, 200)}`);
      });
      const { panel } = await openPanels(harness, page, 'PAY-1');
      for (const tab of ['Estimate', 'Decomposition', 'Spec']) await panel.click(`[role="tab"]:has-text("${tab}")`);
      await panel.waitForSelector('[data-testid="spec-status"]');
      await openReviews(page, 'PAY');
      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-settings`);
      await (await appFrame(page, 'planning-readiness-settings')).waitForSelector('[data-testid="review-settings"]');
      expect(noise).toEqual([]);
    });
  });
});
