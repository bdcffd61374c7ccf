import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import type { ReactElement } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DateFormatContext } from './date-format-context';
import { dateFormat, type UserDateSettings } from './dates';
import { resolveAtlaskitFlagsOff } from './feature-flags';

/**
 * Starts a Custom UI app: Jira's theme (light/dark, design tokens) and the user's locale and time zone
 * first, so the first render already looks and reads right; then React.
 * @see https://developer.atlassian.com/platform/forge/design-tokens-and-theming/
 */
export function mount(app: ReactElement): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element');
  resolveAtlaskitFlagsOff();
  const theme = view.theme.enable().catch(() => undefined);
  const settings = view.getContext().then(
    (c): UserDateSettings => ({ locale: c.locale, timezone: c.timezone }),
    (): UserDateSettings => ({}),
  );
  void Promise.all([settings, theme]).then(([user]) =>
    createRoot(root).render(
      <StrictMode>
        <DateFormatContext.Provider value={dateFormat(user)}>{app}</DateFormatContext.Provider>
      </StrictMode>,
    ),
  );
}
