import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StoredIssue } from '../../local/jira/model';
import { appFrame, openPanels, SHOTS, useBrowser } from '../support/browser';
import { USERS } from '../support/local-site';
import { readProperty } from '../support/planning-site';

/**
 * Escalations in Chromium on the demo app: a local Automation rule made on the Automation page, a story
 * flagged in the shell, the impediments on its feature (record, JQL summary, the Readiness side panel's count,
 * the Escalations view), and the flag's impediment resolving when the story is unflagged.
 */
const harness = useBrowser();
const { withPage } = harness;

async function act(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}

async function settle(): Promise<void> {
  await harness.site.events.drain();
  await harness.site.automation.drain();
  await harness.site.events.drain();
}

/** The open impediments count of the Readiness side panel (the item summary's impediments section). */
async function sidePanelCount(page: Page, featureKey: string): Promise<string | null> {
  const { side } = await openPanels(harness, page, featureKey);
  await side.waitForSelector('[data-testid="context-impediments"]');
  return side.textContent('[data-testid="context-impediments"]');
}

/** An open PAY story under a feature that the demo seed gave no impediment. */
function storyUnderCalmFeature(): { story: StoredIssue; feature: StoredIssue } {
  const issues = harness.site.store.data.issues;
  for (const story of issues) {
    const feature = issues.find((i) => i.id === story.parentId);
    if (!story.key.startsWith('PAY-') || story.issueTypeId !== '10002' || story.statusId === '10002' || story.flagged || feature?.issueTypeId !== '10001') continue;
    if (!feature.flagged && !issues.some((i) => i.parentId === feature.id && i.flagged)) return { story, feature };
  }
  throw new Error('no story under a calm feature');
}

type Impediments = { impediments: Array<{ cause: string; status: string; source: { key: string } }> };
const openCauses = async (featureKey: string, storyKey: string): Promise<string[]> =>
  (((await readProperty(harness.site, featureKey, 'planning-readiness-impediments')) as Impediments | undefined)?.impediments ?? [])
    .filter((i) => i.status === 'OPEN' && i.source.key === storyKey)
    .map((i) => i.cause)
    .sort();

describe('escalations in the browser', () => {
  it('flags a story in the shell: its feature gets the impediment and the Automation action escalates it; unflagging resolves the flag', async () => {
    const { story, feature } = storyUnderCalmFeature();
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/__local/automation`);
      await page.fill('input[name=name]', 'When: issue flagged -> Escalate to technical leadership');
      await page.selectOption('select[name=trigger]', 'issue-flagged');
      await page.fill('input[name=jql]', 'issuetype = Story');
      await page.selectOption('select[name=action]', 'app:escalate-to-leadership');
      await page.fill('input[name="input:escalate-to-leadership:issueKey"]', '{{issue.key}}');
      await page.fill('input[name="input:escalate-to-leadership:reason"]', 'Flagged: {{issue.summary}}');
      await page.fill('input[name="input:escalate-to-leadership:severity"]', 'HIGH');
      await act(page, () => page.click('#new-rule button[type=submit]'));
    });
    await withPage(USERS.architect.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/${story.key}`);
      await act(page, () => page.click('#shell-flag'));
    });
    await settle();
    expect(await openCauses(feature.key, story.key)).toEqual(['ESCALATED', 'FLAGGED']);
    expect(await readProperty(harness.site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 2 } });

    await withPage(USERS.lead.email, async (page) => {
      expect(await sidePanelCount(page, feature.key)).toBe('2');
      await page.goto(`${harness.site.url}/__local/automation`);
      expect(await page.textContent('[data-testid=rules] details')).toContain('SUCCESS');
      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-page`);
      const app = await appFrame(page, 'planning-readiness-page');
      await app.click('[data-testid="view-escalations"]');
      await app.waitForSelector('[data-testid="escalations-view"]');
      const rows = await app.$$eval(`[data-testid^="impediment-${story.key}"]`, (els) => els.map((e) => e.textContent ?? ''));
      expect(rows.some((r) => r.includes('Flagged') && r.includes(feature.key))).toBe(true);
      expect(rows.some((r) => r.includes('Escalated') && r.includes(`Flagged: ${story.summary}`))).toBe(true);
      await app.click('[data-testid="agenda-export-markdown"]');
      expect(await app.inputValue('[data-testid="agenda-markdown"]')).toContain(`| ${feature.key} `);
      await page.screenshot({ path: join(SHOTS, 'escalations-agenda.png'), fullPage: true });
    });

    await withPage(USERS.architect.email, async (page) => {
      await page.goto(`${harness.site.url}/browse/${story.key}`);
      await act(page, () => page.click('#shell-flag'));
    });
    await settle();
    // The flag's impediment resolves; the explicit escalation stays until the story is done.
    expect(await openCauses(feature.key, story.key)).toEqual(['ESCALATED']);
    expect(await readProperty(harness.site, feature.key, 'planning-readiness-summary')).toMatchObject({ impediments: { open: 1 } });
    await withPage(USERS.lead.email, async (page) => {
      expect(await sidePanelCount(page, feature.key)).toBe('1');
      await page.goto(`${harness.site.url}/projects/PAY/apps/planning-readiness-page`);
      const app = await appFrame(page, 'planning-readiness-page');
      await app.click('[data-testid="view-escalations"]');
      await app.waitForSelector('[data-testid="escalations-view"]');
      const rows = await app.$$eval(`[data-testid^="impediment-${story.key}"]`, (els) => els.map((e) => e.textContent ?? ''));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Escalated');
      expect(await app.textContent('[data-testid="resolved-impediments"]')).toContain(`${story.key} flagged: resolved in 0 working days`);
    });
  });

  it('shows a new web trigger secret once in the project settings, and saves the rules and SLA checked as the server checks them', async () => {
    await withPage(USERS.lead.email, async (page) => {
      await page.goto(`${harness.site.url}/projects/PAY`);
      await page.click('[data-testid="nav-planning-readiness-settings"]');
      const settings = await appFrame(page, 'planning-readiness-settings');
      await settings.waitForSelector('[data-testid="escalations-settings"]');
      await settings.click('[data-testid="rotate-secret"]');
      const secret = await settings.textContent('[data-testid="new-secret-value"]');
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      await settings.click('[data-testid="rule-FLAGGED"]');
      await settings.fill('[data-testid="sla-days"]', '0');
      expect(await settings.textContent('[data-testid="escalations-settings-problem"]')).toContain('SLA');
      await settings.fill('[data-testid="sla-days"]', '3');
      await settings.click('[data-testid="escalations-settings-save"]');
      await settings.waitForSelector('[data-testid="escalations-settings-save"][disabled]');
      await page.screenshot({ path: join(SHOTS, 'escalations-settings.png'), fullPage: true });
      await page.reload();
      const again = await appFrame(page, 'planning-readiness-settings');
      await again.waitForSelector('[data-testid="webhook-secret"]');
      expect(await again.$('[data-testid="new-secret-value"]')).toBeNull();
      expect(await again.textContent('[data-testid="webhook-secret"]')).toContain('A secret exists since');
      expect(await again.getAttribute('[data-testid="rule-FLAGGED"]', 'aria-pressed')).toBe('false');
      expect(await again.inputValue('[data-testid="sla-days"]')).toBe('3');
    });
  });
});
