import type { Frame } from 'playwright-core';

/**
 * The Spec tab's sections as a user works them: each shows as rendered text until it is clicked, then
 * edits in place (test ids `section-<key>-view`, `-input`, `-save`, `-cancel`, `-rendered`).
 */
export async function openSection(panel: Frame, section: string): Promise<void> {
  await panel.click(`[data-testid="section-${section}-view"]`);
  await panel.waitForSelector(`[data-testid="section-${section}-input"]`);
}

/** Opens the section's editor and replaces its text, without saving. */
export async function typeSection(panel: Frame, section: string, text: string): Promise<void> {
  await openSection(panel, section);
  await panel.fill(`[data-testid="section-${section}-input"]`, text);
}

/** Opens, types and clicks Save; waits for nothing (the caller says what it expects). */
export async function editSection(panel: Frame, section: string, text: string): Promise<void> {
  await typeSection(panel, section, text);
  await panel.click(`[data-testid="section-${section}-save"]`);
}

/** Writes a section and waits for "Saved": the editor has closed on the read view. */
export async function writeSection(panel: Frame, section: string, text: string): Promise<void> {
  await editSection(panel, section, text);
  await panel.waitForSelector(`[data-testid="section-${section}-saved"]`);
}
