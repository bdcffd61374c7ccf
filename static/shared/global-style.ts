/**
 * Adds a style sheet to the app's document once, when the module that needs it loads: for the few rules
 * primitives cannot express (descendant selectors in rendered Markdown, :hover on a read view).
 */
export function addGlobalStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
