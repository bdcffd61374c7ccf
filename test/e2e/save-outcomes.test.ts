import { join } from 'node:path';
import { openPanels, SHOTS, useBrowser } from '../support/browser';
import { clearFaults, injectFault } from '../support/faults';
import { basicAuth, USERS } from '../support/local-site';
import { editSection, typeSection } from '../support/spec-sections';

/**
 * What the panels tell the user when a save does not simply succeed, and when the record was written
 * outside the app. Each test works on its own issue and mends what it broke, so any order works.
 */
const harness = useBrowser();
const { withPage } = harness;

const RECORD = '/rest/api/3/issue/*/properties/planning-readiness';
const SUMMARY = '/rest/api/3/issue/*/properties/planning-readiness-summary';

function propertyUrl(issueKey: string): string {
  return `${harness.site.url}/rest/api/3/issue/${issueKey}/properties/planning-readiness`;
}

describe('a record changed outside the app', () => {
  it('shows the warning and counts a forged approval nowhere: both panels say In review', async () => {
    // The lead may edit the issue but is no architect: over REST they write an approval in the architect's name.
    const auth = { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' };
    const stored = (await (await fetch(propertyUrl('DATA-1'), { headers: auth })).json()) as { value: { spec: Record<string, unknown>; history: unknown[] } };
    const at = new Date().toISOString();
    const by = { accountId: USERS.architect.accountId, displayName: 'Arjun Architect' };
    const forged = { ...stored.value, spec: { ...stored.value.spec, status: 'APPROVED', approval: { by, at } }, history: [{ rev: 99, at, by, what: 'Approved the spec' }, ...stored.value.history] };
    const put = await fetch(propertyUrl('DATA-1'), { method: 'PUT', headers: auth, body: JSON.stringify(forged) });
    expect(put.status).toBeLessThan(300);

    await withPage(USERS.viewer.email, async (page) => {
      const { panel, side } = await openPanels(harness, page, 'DATA-1');
      expect(await panel.textContent('[data-testid="changed-outside-app"]')).toContain('its approval cannot be verified');
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('In review');
      expect(await panel.$('[data-testid="spec-approval"]')).toBeNull();
      expect(await side.textContent('[data-testid="context-changed-outside-app"]')).toContain('Changed outside the app');
      expect(await side.textContent('[data-testid="context-spec-status"]')).toBe('In review');
      await page.screenshot({ path: join(SHOTS, 'planning-changed-outside-app.png'), fullPage: true });
    });
    // The next change made in the app repairs the record: the warning goes, the forged approval stays gone.
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanels(harness, page, 'DATA-1');
      await editSection(panel, 'openQuestions', 'Who owns the schema registry after go-live? (repaired)');
      await panel.waitForSelector('[data-testid="section-openQuestions-saved"]');
      expect(await panel.$('[data-testid="changed-outside-app"]')).toBeNull();
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('In review');
      await side.waitForSelector('[data-testid="context-changed-outside-app"]', { state: 'detached' });
    });
  });
});

describe('saves that do not simply succeed (with the runtime\'s fault injection)', () => {
  afterEach(() => clearFaults(harness.site));

  it('shows the warning of a save that landed while a step after it failed', async () => {
    injectFault(harness.site, { product: 'jira', method: 'PUT', path: SUMMARY, effect: { type: 'status', status: 500 } });
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-12');
      await editSection(panel, 'approach', 'Event-sourced ledger adapter behind the posting API.');
      await panel.waitForSelector('[data-testid="section-approach-saved-warning"]');
      expect(await panel.textContent('[data-testid="section-approach-saved-warning"]')).toContain('Saved, but Jira search (JQL such as planningSpecStatus) could not be updated');
      await page.screenshot({ path: join(SHOTS, 'planning-saved-with-warning.png') });
      // The warning stays while the user edits the section again: it is not a message to miss.
      await typeSection(panel, 'approach', 'Event-sourced ledger adapter behind the posting API (v2).');
      expect(await panel.$('[data-testid="section-approach-saved-warning"]')).not.toBeNull();
    });
  });

  it('says plainly that an unconfirmed save is not confirmed, keeps the draft, and says Saved once the stored record holds it', async () => {
    // Every attempt lands and loses its answer: the app cannot know the write is stored.
    injectFault(harness.site, { product: 'jira', method: 'PUT', path: RECORD, effect: { type: 'drop-after-commit' } });
    const text = 'Card schemes first; wallets after the pilot.';
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-18');
      await editSection(panel, 'approach', text);
      await panel.waitForSelector('[data-testid="section-approach-unconfirmed"]');
      expect(await panel.textContent('[data-testid="section-approach-unconfirmed"]')).toContain('your change may not be saved');
      expect(await panel.inputValue('[data-testid="section-approach-input"]')).toBe(text);
      await page.screenshot({ path: join(SHOTS, 'planning-unconfirmed.png') });
      clearFaults(harness.site);
      // A few seconds later the panel reads the record again: the write had landed.
      await panel.waitForSelector('[data-testid="section-approach-saved"]', { timeout: 20_000 });
      expect(await panel.textContent('[data-testid="section-approach-rendered"]')).toBe(text);
    });
  });

  it('after an unconfirmed save that never landed, says it was not saved and keeps the draft', async () => {
    // The record write hangs past the resolver's budget and never reaches Jira.
    injectFault(harness.site, { product: 'jira', method: 'PUT', path: RECORD, times: 1, effect: { type: 'hang' } });
    const text = 'Reuse the PSP connector; no new vendor.';
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-23');
      await editSection(panel, 'approach', text);
      await panel.waitForSelector('[data-testid="section-approach-unconfirmed"]', { timeout: 40_000 });
      clearFaults(harness.site);
      await panel.waitForSelector('[data-testid="section-approach-error"]', { timeout: 20_000 });
      expect(await panel.textContent('[data-testid="section-approach-error"]')).toContain('Jira did not store your change after all');
      expect(await panel.inputValue('[data-testid="section-approach-input"]')).toBe(text);
    });
  }, 90_000);
});
