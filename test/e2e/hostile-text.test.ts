import type { Frame, Page } from 'playwright-core';
import { appFrame, useBrowser } from '../support/browser';
import { rest } from '../support/events-site';
import { USERS } from '../support/local-site';
import { editSection, ok, panelUpdate, panelView } from '../support/planning-site';

/**
 * Issue 14, item 6: HTML and script in everything a user can type, and in Jira's own fields, render as text
 * and never run, on every screen of the app and every view (tab) of each screen, for every demo user.
 */
const harness = useBrowser();
const { withPage } = harness;

/** Each variant sets a flag if it ever runs; the text must still be shown as typed. */
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '[click me](javascript:window.__pwned="link")',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
].join(' ');
const VISIBLE = '<script>window.__pwned = "script"</script>';

let epicKey = '';

beforeAll(async () => {
  const created = await rest(harness.site, USERS.lead.email, 'POST', '/rest/api/3/issue', {
    fields: { project: { key: 'PAY' }, issuetype: { name: 'Epic' }, summary: `Hostile ${HOSTILE}`.slice(0, 250) },
  });
  expect(created.status).toBe(201);
  epicKey = ((await created.json()) as { key: string }).key;
  const rev = ok(await panelView(harness.site, epicKey, USERS.lead.accountId)).record.rev;
  ok(await panelUpdate(harness.site, epicKey, USERS.lead.accountId, editSection(rev, 'context', HOSTILE)));
});

/** Clicks through every tab of a frame, so each view renders the hostile data it holds. */
async function visitEveryView(frame: Frame): Promise<void> {
  const tabs = await frame.$$('[role="tab"]');
  for (const tab of tabs) {
    await tab.click();
    await frame.waitForTimeout(300);
  }
}

async function assertNothingRan(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  }
}

describe.each([USERS.lead, USERS.architect, USERS.viewer, USERS.outsider])('hostile text, as $email', (user) => {
  it('never runs on the issue, the project page or the settings page, and shows as text where the user may see it', async () => {
    await withPage(user.email, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${harness.site.url}/browse/${epicKey}`);
      if (user !== USERS.outsider) {
        const panel = await appFrame(page, 'planning-panel');
        await panel.waitForSelector('[data-testid="spec-tab"]');
        await visitEveryView(panel);
        await panel.click('[role="tab"] >> nth=0');
        expect(await panel.textContent('body')).toContain(VISIBLE);
        const side = await appFrame(page, 'readiness-context');
        await side.waitForSelector('[data-testid="context-spec-status"]');
      }
      await assertNothingRan(page);

      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-page`);
      if (user !== USERS.outsider) {
        const portfolio = await appFrame(page, 'planning-readiness-page');
        await portfolio.waitForSelector('[data-testid^="row-"], [role="tab"]');
        await visitEveryView(portfolio);
      }
      await assertNothingRan(page);

      await page.goto(`${harness.site.url}/projects/PAY`);
      if (await page.$('[data-testid="nav-planning-readiness-settings"]')) {
        await page.click('[data-testid="nav-planning-readiness-settings"]');
        const settings = await appFrame(page, 'planning-readiness-settings');
        await settings.waitForSelector('[data-testid="settings-form"], [role="alert"]');
        await visitEveryView(settings);
      }
      await assertNothingRan(page);
      expect(dialogs).toEqual([]);
    });
  });
});

it('would notice a script that ran in one of the frames', async () => {
  await withPage(USERS.lead.email, async (page) => {
    await page.goto(`${harness.site.url}/browse/${epicKey}`);
    const panel = await appFrame(page, 'planning-panel');
    await panel.evaluate(() => {
      (window as unknown as { __pwned?: string }).__pwned = 'test';
    });
    await expect(assertNothingRan(page)).rejects.toThrow();
  });
});
