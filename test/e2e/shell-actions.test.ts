import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { seen, seenBy, startEventsSite } from '../support/events-site';
import { USERS } from '../support/local-site';

/**
 * The issue view's Jira actions in Chromium, on the events fixture app: what a demo user does in the shell
 * reaches the app's triggers as product events, and local Automation rules run the app's action.
 */
const harness = useBrowser(() => startEventsSite());
const { withPage } = harness;

const updates = (): Array<{ key: string; fields: string[]; atlassianId: unknown }> =>
  seenBy('onEvent', 'issue-trigger')
    .map((s) => s.payload)
    .filter((p) => p.eventType === 'avi:jira:updated:issue')
    .map((p) => ({ key: (p.issue as { key: string }).key, fields: (p.changelog as { items: Array<{ field: string }> }).items.map((i) => i.field), atlassianId: p.atlassianId }));

/** Does something on the issue view and waits for the page to reload with the result. */
async function act(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}

async function settle(): Promise<void> {
  await harness.site.events.drain();
  await harness.site.automation.drain();
}

beforeEach(() => {
  seen.length = 0;
});

describe('shell actions on the issue view', () => {
  it('creates a flag rule on the Automation page; flagging an issue then reaches the trigger with its Flagged item and runs the app action', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/__local/automation`);
      await page.selectOption('select[name=trigger]', 'issue-flagged');
      await page.selectOption('select[name=action]', 'app:escalate-action');
      await page.fill('input[name="input:escalate-action:issueKey"]', '{{issue.key}}');
      await act(page, () => page.click('#new-rule button[type=submit]'));
      expect(await page.textContent('[data-testid=rules]')).toContain('When an issue is flagged, escalate to technical leadership');
    });
    await withPage(USERS.architect.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-5`);
      await act(page, () => page.click('#shell-flag'));
      expect(await page.textContent('#shell-flag')).toBe('Remove flag');
      expect(await page.textContent('.details .flag')).toBe('Flagged');
    });
    await settle();
    expect(updates()).toEqual([{ key: 'PAY-5', fields: ['Flagged'], atlassianId: USERS.architect.accountId }]);
    expect(seenBy('onAction').map((s) => [s.payload.issueKey, s.accountId])).toEqual([['PAY-5', USERS.lead.accountId]]);
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/__local/automation`);
      expect(await page.textContent('[data-testid=rules] details')).toContain('SUCCESS');
      await act(page, () => page.click('button[data-toggle]'));
      expect(await page.textContent('button[data-toggle]')).toBe('Disabled: enable');
    });
  });

  it('changes priority, status, due date, labels, fix versions and links, each as its own event', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-6`);
      await act(page, () => page.selectOption('#shell-priority', { label: 'Highest' }));
      await act(page, () => page.selectOption('#shell-transition', { label: 'In Review' }));
      await page.fill('input[name=duedate]', '2027-02-01');
      await act(page, () => page.click('#shell-duedate-form button'));
      await page.fill('input[name=label]', 'cross-team');
      await act(page, () => page.click('#shell-label-form button'));
      await act(page, () => page.click('#shell-version-form button'));
      await page.selectOption('select[name=linktype]', { label: 'is blocked by' });
      await page.fill('input[name=other]', 'PAY-7');
      await act(page, () => page.click('#shell-link-form button'));
      expect(await page.textContent('[data-testid="shell-link-PAY-7"]')).toContain('is blocked by');
      await act(page, () => page.click('[data-testid="shell-link-PAY-7"] button'));
      expect(await page.$('[data-testid="shell-link-PAY-7"]')).toBeNull();
      await act(page, () => page.click('[data-remove-label="cross-team"]'));
    });
    await settle();
    expect(updates().map((u) => u.fields)).toEqual([['priority'], ['status'], ['duedate'], ['labels'], ['Fix Version'], ['labels']]);
    const links = seenBy('onEvent', 'issue-trigger').filter((s) => String(s.payload.eventType).endsWith('issuelink'));
    expect(links.map((s) => [s.payload.eventType, s.payload.sourceIssueId])).toEqual([
      ['avi:jira:created:issuelink', harness.site.store.data.issues.find((i) => i.key === 'PAY-7')!.id],
      ['avi:jira:deleted:issuelink', harness.site.store.data.issues.find((i) => i.key === 'PAY-7')!.id],
    ]);
  });

  it('shows Jira’s error and no actions to a user who cannot edit', async () => {
    await withPage(USERS.viewer.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-6`);
      await page.waitForSelector('[data-testid="issue-summary"]');
      expect(await page.$('#shell-flag')).toBeNull();
    });
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/PAY-6`);
      await page.fill('input[name=other]', 'NOPE-1');
      await page.click('#shell-link-form button');
      await page.waitForFunction(() => (document.getElementById('shell-error')?.textContent ?? '') !== '');
      expect(await page.textContent('#shell-error')).toContain('Issue does not exist');
    });
  });
});
