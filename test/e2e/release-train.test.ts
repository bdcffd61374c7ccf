import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { USERS } from '../support/local-site';
import { appFrame, SHOTS, useBrowser } from '../support/browser';

/** The release train (the app's global page) in Chromium: reached from Apps, scoped by release and team across projects. */
const harness = useBrowser();
const { withPage } = harness;

const MODULE = 'planning-readiness-train';
const rowKeys = (app: Frame): Promise<string[]> => app.$$eval('[data-testid^="row-"]', (rows) => rows.map((r) => r.getAttribute('data-testid')!.slice(4)));

/** Opens the train the way a user does: Apps in the top navigation, then the app's page. */
async function openTrain(page: Page): Promise<Frame> {
  await page.goto(`${harness.site.url}/projects`);
  await page.click('[data-testid="nav-apps"]');
  await page.click(`[data-testid="app-${MODULE}"]`);
  const app = await appFrame(page, MODULE);
  await app.waitForSelector('[data-testid="source"] >> text=/^Read from Jira/', { timeout: 30_000 });
  return app;
}

/** Picks `value` in one of the scope bar's selects, then applies the scope and waits for the fresh read. */
async function pick(app: Frame, inputId: string, value: string): Promise<void> {
  await app.fill(`#${inputId}`, value);
  await app.press(`#${inputId}`, 'Enter');
}
/** Applies the scope and waits for the table to count `total` rows (the table is virtualized: not all are in the DOM). */
async function apply(app: Frame, total: number): Promise<string[]> {
  await app.click('[data-testid="scope-apply"]');
  await app.waitForSelector(`[data-testid="table-count"] >> text=/of ${total} epics and features/`, { timeout: 30_000 });
  return rowKeys(app);
}

/** The epics and features of release 2027.1 in the demo site that pass `keep`. */
function inRelease(keep: (issue: { key: string; teamId: string | null }) => boolean = () => true): number {
  const data = harness.site.store.data;
  const release = new Set(data.versions.filter((v) => v.name === '2027.1').map((v) => v.id));
  return data.issues.filter((i) => ['10000', '10001'].includes(i.issueTypeId) && i.fixVersionIds.some((id) => release.has(id)) && keep(i)).length;
}

describe('the release train page', () => {
  it("shows the lead a release's epics and features of PAY and DATA, and narrows them to one team", async () => {
    await withPage(USERS.lead.email, async (page) => {
      const app = await openTrain(page);
      expect(await app.textContent('h1')).toBe('Planning readiness: release train');
      // It opens on the next release due, across both projects.
      expect(await app.textContent('[data-testid="scope-bar"]')).toContain('2026.4');
      expect(await app.textContent('[data-testid="trend-hidden"]')).toContain('kept per project');
      await pick(app, 'scope-release', '2027.1');
      const keys = await apply(app, inRelease());
      expect(new Set(keys.map((k) => k.split('-')[0]))).toEqual(new Set(['PAY', 'DATA']));

      await pick(app, 'scope-teams', 'Atlas');
      const atlasId = harness.site.store.data.teams.find((t) => t.name === 'Atlas')!.id;
      const atlas = await apply(app, inRelease((i) => i.teamId === atlasId));
      expect(atlas.length).toBeGreaterThan(0);
      expect(new Set(atlas.map((k) => k.split('-')[0]))).toEqual(new Set(['PAY', 'DATA']));
      for (const key of atlas) expect(await app.textContent(`[data-testid="row-${key}"]`)).toContain('Atlas');
      await page.screenshot({ path: join(SHOTS, 'release-train.png'), fullPage: true });
    });
  });

  it('shows outsider@demo.test nothing of DATA (in dark mode)', async () => {
    await withPage(USERS.outsider.email, async (page) => {
      const app = await openTrain(page);
      await pick(app, 'scope-release', '2027.1');
      const keys = await apply(app, inRelease((i) => i.key.startsWith('PAY-')));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => k.startsWith('PAY-'))).toBe(true);
      expect(await app.textContent('body')).not.toMatch(/DATA/);
      await page.screenshot({ path: join(SHOTS, 'release-train-dark.png'), fullPage: true });
    }, 'dark');
  });

  it('says what is wrong with a scope JQL Jira cannot run', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const app = await openTrain(page);
      await app.fill('[data-testid="scope-jql"]', 'nonsense ~~ x');
      await app.click('[data-testid="scope-apply"]');
      const error = await app.waitForSelector('[data-testid="error-message"]', { timeout: 30_000 });
      // Jira's own words, placed in what the user typed rather than in the query the app ran.
      expect(await error.textContent()).toMatch(/Error in your JQL: .*\(character (10|11)\)/);
    });
  });
});
