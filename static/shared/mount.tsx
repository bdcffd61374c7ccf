import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import type { ReactElement } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Starts a Custom UI app: Jira's theme (light/dark, design tokens) first, then React.
 * @see https://developer.atlassian.com/platform/forge/design-tokens-and-theming/
 */
export function mount(app: ReactElement): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element');
  const render = (): void => createRoot(root).render(<StrictMode>{app}</StrictMode>);
  view.theme.enable().then(render, render);
}
