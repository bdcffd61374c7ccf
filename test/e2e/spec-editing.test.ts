import type { Dialog, Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { openPanels, SHOTS, useBrowser } from '../support/browser';
import { basicAuth, USERS } from '../support/local-site';
import { editSection, openSection, typeSection, writeSection } from '../support/spec-sections';

/**
 * The Spec tab as people use it (issue 8, items 1, 2, 3 and 5): Markdown read views that edit in place,
 * hostile input shown inert, the keyboard, the confirmation before an approved spec goes back to review,
 * conflicts resolved with both buttons, and the warnings before unsaved text is lost.
 */
const harness = useBrowser();
const { withPage } = harness;

async function storedSection(issueKey: string, section: string): Promise<string | undefined> {
  const r = await fetch(`${harness.site.url}/rest/api/3/issue/${issueKey}/properties/planning-readiness`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  return ((await r.json()) as { value: { spec: { sections: Record<string, string> } } }).value.spec.sections[section];
}

const pwned = (frame: Frame | Page): Promise<unknown> => frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

const TECHNICAL = [
  'The API answers `List<Payment>` for `POST /v1/<tenant>/payments`, and Map<String, Order> stays internal.',
  '',
  '| Field | Type | Notes |',
  '| --- | --- | --- |',
  '| amount | `Money` | minor units |',
  '| scheme | `Scheme` | visa, mastercard |',
  '',
  '```ts',
  'const total: number = payments.reduce((sum, p) => sum + p.amount, 0);',
  '```',
  '',
  '- [x] Schema reviewed with the ledger team',
  '- [ ] Load test at 2,000 TPS',
].join('\n');

describe('the Spec tab renders Markdown', () => {
  it('shows types with angle brackets, a table, a fenced code block and a task list as written, light and dark', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-12');
      await writeSection(panel, 'approach', TECHNICAL);
      await page.mouse.move(0, 0); // no hover background in the picture
      const rendered = '[data-testid="section-approach-rendered"]';
      expect(await panel.textContent(`${rendered} p code >> nth=0`)).toBe('List<Payment>');
      expect(await panel.textContent(`${rendered} p`)).toContain('Map<String, Order> stays internal');
      expect(await panel.locator(`${rendered} table th`).allTextContents()).toEqual(['Field', 'Type', 'Notes']);
      expect(await panel.locator(`${rendered} table tbody tr`).count()).toBe(2);
      expect(await panel.textContent(`${rendered} pre code`)).toBe('const total: number = payments.reduce((sum, p) => sum + p.amount, 0);\n');
      const tasks = panel.locator(`${rendered} li input[type="checkbox"]`);
      expect(await tasks.count()).toBe(2);
      expect(await tasks.nth(0).isChecked()).toBe(true);
      expect(await tasks.nth(1).isChecked()).toBe(false);
      await panel.locator('[data-testid="section-approach"]').screenshot({ path: join(SHOTS, 'planning-spec-markdown.png') });
    });
    await withPage(
      USERS.lead.email,
      async (page) => {
        const { panel } = await openPanels(harness, page, 'PAY-12');
        await panel.waitForSelector('[data-testid="section-approach-rendered"] table');
        await panel.locator('[data-testid="section-approach"]').screenshot({ path: join(SHOTS, 'planning-spec-markdown-dark.png') });
      },
      'dark',
    );
  });

  it('shows hostile HTML and links as inert text, and opens http(s) links in a new tab', async () => {
    const hostile = [
      'Before <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> after.',
      '',
      '[run me](javascript:window.__pwned=3) and [data](data:text/html,<script>alert(1)</script>) and [the ADR](https://wiki.example.com/adr/12)',
      '',
      '![pixel](javascript:window.__pwned=4)',
      '',
      '<iframe src="javascript:window.__pwned=5"></iframe>',
    ].join('\n');
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanels(harness, page, 'PAY-17');
      await writeSection(panel, 'components', hostile);
      const rendered = '[data-testid="section-components-rendered"]';
      expect(await panel.locator(`${rendered} img, ${rendered} script, ${rendered} iframe`).count()).toBe(0);
      expect(await panel.textContent(rendered)).toContain('Before <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> after.');
      // Only the https link is a link; the others are their text.
      const links = panel.locator(`${rendered} a`);
      expect(await links.count()).toBe(1);
      expect(await links.getAttribute('href')).toBe('https://wiki.example.com/adr/12');
      expect(await links.getAttribute('target')).toBe('_blank');
      expect(await links.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await panel.textContent(rendered)).toContain('run me and data and the ADR');
      for (const frame of [panel, side, page]) expect(await pwned(frame)).toBeUndefined();
      // Clicking the dropped link's text runs nothing: it is text, and opens the editor as any text does.
      await panel.click(`${rendered} >> text=run me`);
      await panel.waitForSelector('[data-testid="section-components-input"]');
      expect(await pwned(panel)).toBeUndefined();
      await page.keyboard.press('Escape');
    });
  });

  it('refuses a javascript: design-link address in the browser, with the server’s words, before anything is sent', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-28');
      await panel.fill('[data-testid="link-title"]', 'Sequence diagram');
      await panel.fill('[data-testid="link-url"]', 'javascript:alert(1)');
      await panel.press('[data-testid="link-url"]', 'Tab');
      expect(await panel.textContent('[data-testid="link-url-error"]')).toBe('Link URL: only http and https addresses are allowed.');
      expect(await panel.isDisabled('[data-testid="link-add"]')).toBe(true);
      await panel.fill('[data-testid="link-url"]', 'https://wiki.example.com/sequence');
      expect(await panel.$('[data-testid="link-url-error"]')).toBeNull();
      expect(await panel.isDisabled('[data-testid="link-add"]')).toBe(false);
    });
  });
});

describe('editing a section in place', () => {
  it('works from the keyboard: Enter opens, Ctrl+Enter saves, Esc cancels and keeps what was saved', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-23');
      const view = '[data-testid="section-enablers-view"]';
      expect(await panel.textContent('[data-testid="section-enablers-hint"]')).toContain('Spikes, infrastructure');
      expect(await panel.getAttribute(view, 'role')).toBe('button');
      expect(await panel.getAttribute(view, 'aria-label')).toBe('Enablers and spikes needed: empty. Press Enter to edit.');
      await panel.focus(view);
      await page.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid="section-enablers-input"]:focus');
      expect(await panel.$('[data-testid="section-enablers-counter"]')).not.toBeNull();
      await page.keyboard.type('Spike: `Scheme<Visa>` token vault');
      await page.keyboard.press('Control+Enter');
      await panel.waitForSelector('[data-testid="section-enablers-saved"]');
      expect(await panel.textContent('[data-testid="section-enablers-rendered"] code')).toBe('Scheme<Visa>');
      expect(await panel.$('[data-testid="section-enablers-counter"]')).toBeNull();
      // Focus is back on the section, so Enter edits it again; Esc drops the draft.
      expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('section-enablers-view');
      await page.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid="section-enablers-input"]:focus');
      await page.keyboard.type(' and a draft to drop');
      await page.keyboard.press('Escape');
      await panel.waitForSelector('[data-testid="section-enablers-input"]', { state: 'detached' });
      expect(await panel.textContent('[data-testid="section-enablers-rendered"]')).toBe('Spike: Scheme<Visa> token vault');
      expect(await storedSection('PAY-23', 'enablers')).toBe('Spike: `Scheme<Visa>` token vault');
    });
  });

  it('asks before an edit sends an approved spec back to review: cancel keeps it approved, confirm moves it', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel, side } = await openPanels(harness, page, 'PAY-1');
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('Approved');
      await editSection(panel, 'openQuestions', 'Do we keep the legacy webhook for a quarter?');
      await panel.waitForSelector('[data-testid="confirm-reopen"]');
      await panel.locator('[data-testid="confirm-reopen-confirm"]').waitFor({ state: 'visible' });
      await page.waitForTimeout(300); // the modal's opening animation, for the picture only
      // The dialog opens where the user is (beside the Save button), not at the top of the tall iframe.
      const dialogBox = await panel.locator('[data-testid="confirm-reopen"]').boundingBox();
      const saveBox = await panel.locator('[data-testid="section-openQuestions-save"]').boundingBox();
      expect(Math.abs(dialogBox!.y + dialogBox!.height / 2 - saveBox!.y)).toBeLessThan(dialogBox!.height);
      expect(await panel.textContent('[data-testid="confirm-reopen"]')).toContain('Saving this change moves it back to In review, and an architect has to approve it again.');
      await page.screenshot({ path: join(SHOTS, 'planning-confirm-reopen.png') });
      await panel.click('[data-testid="confirm-reopen-cancel"]');
      await panel.waitForSelector('[data-testid="confirm-reopen"]', { state: 'detached' });
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('Approved');
      expect(await panel.inputValue('[data-testid="section-openQuestions-input"]')).toBe('Do we keep the legacy webhook for a quarter?');
      expect(await storedSection('PAY-1', 'openQuestions')).not.toBe('Do we keep the legacy webhook for a quarter?');

      await panel.click('[data-testid="section-openQuestions-save"]');
      await panel.click('[data-testid="confirm-reopen-confirm"]');
      await panel.waitForSelector('[data-testid="section-openQuestions-saved"]');
      expect(await panel.textContent('[data-testid="spec-status"]')).toBe('In review');
      await side.waitForSelector('[data-testid="context-spec-status"]:has-text("In review")');
      expect(await storedSection('PAY-1', 'openQuestions')).toBe('Do we keep the legacy webhook for a quarter?');
    });
  });

  it('after a conflict shows both texts side by side; "Use theirs" drops the draft, "Keep mine" saves it over theirs', async () => {
    await withPage(USERS.lead.email, async (leadPage) => {
      await withPage(USERS.architect.email, async (architectPage) => {
        const { panel: mine } = await openPanels(harness, leadPage, 'PAY-44');
        const { panel: theirs } = await openPanels(harness, architectPage, 'PAY-44');

        await typeSection(mine, 'nfrs', 'Lead: 99.95% availability');
        await writeSection(theirs, 'nfrs', 'Architect: 99.9% availability');
        await mine.click('[data-testid="section-nfrs-save"]');
        await mine.waitForSelector('[data-testid="section-nfrs-conflict"]');
        expect(await mine.textContent('[data-testid="section-nfrs-conflict"]')).toContain('Someone else saved this section while you were editing');
        expect(await mine.textContent('[data-testid="section-nfrs-conflict-mine"]')).toBe('Lead: 99.95% availability');
        expect(await mine.textContent('[data-testid="section-nfrs-conflict-theirs"]')).toBe('Architect: 99.9% availability');
        await mine.click('[data-testid="section-nfrs-use-theirs"]');
        await mine.waitForSelector('[data-testid="section-nfrs-input"]', { state: 'detached' });
        expect(await mine.textContent('[data-testid="section-nfrs-rendered"]')).toBe('Architect: 99.9% availability');
        expect(await mine.$('[data-testid="section-nfrs-conflict"]')).toBeNull();
        expect(await storedSection('PAY-44', 'nfrs')).toBe('Architect: 99.9% availability');

        await typeSection(mine, 'nfrs', 'Lead: 99.95% availability, measured monthly');
        await writeSection(theirs, 'nfrs', 'Architect: 99.9% availability, measured weekly');
        await mine.click('[data-testid="section-nfrs-save"]');
        await mine.waitForSelector('[data-testid="section-nfrs-conflict"]');
        expect(await mine.textContent('[data-testid="section-nfrs-conflict-theirs"]')).toBe('Architect: 99.9% availability, measured weekly');
        await leadPage.screenshot({ path: join(SHOTS, 'planning-conflict.png'), fullPage: true });
        await mine.click('[data-testid="section-nfrs-keep-mine"]');
        await mine.waitForSelector('[data-testid="section-nfrs-saved"]');
        expect(await mine.textContent('[data-testid="section-nfrs-rendered"]')).toBe('Lead: 99.95% availability, measured monthly');
      });
    });
    expect(await storedSection('PAY-44', 'nfrs')).toBe('Lead: 99.95% availability, measured monthly');
  });
});

/** Closes the page as a user leaving would, expects the browser's "leave site?" prompt, and stays. */
async function expectUnloadPrompt(page: Page): Promise<void> {
  const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
}

describe('unsaved text', () => {
  it('makes the browser ask before the page unloads, and not once it is saved', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-28');
      await openSection(panel, 'context');
      await panel.click('[data-testid="section-context-input"]');
      await page.keyboard.type('Half a thought');
      await expectUnloadPrompt(page);
      expect(page.isClosed()).toBe(false);
    });
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-28');
      await openSection(panel, 'context');
      await panel.click('[data-testid="section-context-input"]');
      await page.keyboard.type('A whole thought.');
      await page.keyboard.press('Control+Enter');
      await panel.waitForSelector('[data-testid="section-context-saved"]');
      const dialogs: Dialog[] = [];
      page.on('dialog', (d) => dialogs.push(d));
      await page.close({ runBeforeUnload: true });
      await page.waitForEvent('close');
      expect(dialogs).toEqual([]);
    });
  });

  it('counts a design-document link typed but not added as unsaved', async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-28');
      await panel.click('[data-testid="link-title"]');
      await page.keyboard.type('Sequence diagram');
      await expectUnloadPrompt(page);
    });
  });

  it("asks before the app's own navigation leaves unsaved text: stay keeps it, discard leaves", async () => {
    await withPage(USERS.lead.email, async (page) => {
      const { panel } = await openPanels(harness, page, 'PAY-2');
      await typeSection(panel, 'acceptance', '- [ ] A draft worth keeping');
      await panel.click('a[href="/browse/PAY-1"]');
      await panel.waitForSelector('[data-testid="leave-unsaved"]');
      await panel.click('[data-testid="leave-unsaved-cancel"]');
      await panel.waitForSelector('[data-testid="leave-unsaved"]', { state: 'detached' });
      expect(page.url()).toMatch(/\/browse\/PAY-2$/);
      expect(await panel.inputValue('[data-testid="section-acceptance-input"]')).toBe('- [ ] A draft worth keeping');
      await panel.click('a[href="/browse/PAY-1"]');
      await panel.click('[data-testid="leave-unsaved-confirm"]');
      await page.waitForURL(/\/browse\/PAY-1$/);
    });
  });
});
