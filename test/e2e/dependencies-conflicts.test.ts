import type { Frame, Page } from 'playwright-core';
import { openPanels, useBrowser } from '../support/browser';
import { depsChange, depsView } from '../support/dependencies-site';
import { USERS } from '../support/local-site';
import { ok } from '../support/planning-site';

/** Issue 14 in Chromium: someone else saves the dependency being edited; the form keeps the user's text beside theirs. */
const harness = useBrowser();
const { withPage } = harness;

async function openDependencies(page: Page, issueKey: string): Promise<Frame> {
  const { panel } = await openPanels(harness, page, issueKey);
  await panel.click('[data-testid="dependencies-tab-button"]');
  await panel.waitForSelector('[data-testid="dependencies-tab"]');
  return panel;
}

it('shows both versions after a concurrent edit, keeps the typed text, and saves it with "Keep mine"', async () => {
  const lead = USERS.lead.accountId;
  const added = ok(await depsChange(harness.site, 'PAY-12', lead, { type: 'add', target: { kind: 'team', team: 'Quartz' }, description: 'Sandbox', neededBy: null, ownerAccountId: null }));
  const id = added.view.needs.find((d) => d.far.kind === 'team' && d.far.name === 'Quartz')!.id;
  await withPage(USERS.lead.email, async (page) => {
    const panel = await openDependencies(page, 'PAY-12');
    const row = `[data-testid="dependency-${id}"]`;
    await panel.click(`${row} [data-testid="dependency-edit"]`);
    await panel.fill(`${row} [data-testid="edit-description"]`, 'Sandbox, EU region');

    // The architect saves the same dependency while the lead is typing.
    const theirs = ok(await depsView(harness.site, 'PAY-12', USERS.architect.accountId)).needs.find((d) => d.id === id)!;
    ok(await depsChange(harness.site, 'PAY-12', USERS.architect.accountId, { type: 'edit', dependencyId: id, baseRev: theirs.rev, description: 'Sandbox with test cards', neededBy: null, ownerAccountId: null }));

    await panel.click(`${row} [data-testid="dependency-confirm"]`);
    await panel.waitForSelector(`${row} [data-testid="dependency-edit-conflict"]`);
    expect(await panel.textContent(`${row} [data-testid="dependency-edit-conflict-mine"]`)).toContain('Sandbox, EU region');
    expect(await panel.textContent(`${row} [data-testid="dependency-edit-conflict-theirs"]`)).toContain('Sandbox with test cards');
    expect(await panel.textContent('[data-testid="dependencies-tab"]')).toContain('Arjun Architect changed this dependency after you opened it');
    expect(await panel.inputValue(`${row} [data-testid="edit-description"]`)).toBe('Sandbox, EU region');

    await panel.click(`${row} [data-testid="dependency-edit-keep-mine"]`);
    await panel.waitForSelector(`${row} >> text=Sandbox, EU region`);
    await panel.waitForSelector(`${row} [data-testid="dependency-edit-conflict"]`, { state: 'detached' });
    expect(ok(await depsView(harness.site, 'PAY-12', lead)).needs.find((d) => d.id === id)!.commitment!.description).toBe('Sandbox, EU region');
  });
});
