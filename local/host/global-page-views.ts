import type { SiteStore } from '../jira/store';
import { OFFLINE_ENVIRONMENT_ID } from '../runtime/forge-runtime';
import type { LoadedManifest, UiModule } from '../runtime/manifest';
import { esc, forgeFrame, layout, type Viewer } from './pages';

export interface GlobalPageViews {
  /** The top navigation's "Apps": the app's global pages. */
  appsList(viewer: Viewer): string;
  /** A global page at Jira's own URL shape, /jira/apps/<appId>/<envId>. */
  globalApp(viewer: Viewer, appId: string, environmentId: string): string;
}

/** The app's id as Jira's URLs spell it: the last segment of the manifest's ARI. */
const appUuid = (manifest: LoadedManifest): string => manifest.appId.split('/').pop() ?? '';

/** Where the shell shows the app's global page (Forge allows one per app, so the app and environment name it). */
export function globalPagePath(manifest: LoadedManifest): string {
  return `/jira/apps/${encodeURIComponent(appUuid(manifest))}/${OFFLINE_ENVIRONMENT_ID}`;
}

/**
 * The Jira-like shell's global pages (`jira:globalPage`): listed under Apps for every signed-in user, as Jira
 * lists them, and rendered with no project or issue in their context. What a page shows is its resolver's to
 * filter by the user's permissions.
 */
export function globalPageViews(store: SiteStore, manifest: LoadedManifest): GlobalPageViews {
  const pages = (): UiModule[] => manifest.uiModules.filter((m) => m.type === 'jira:globalPage');

  const appsList = (viewer: Viewer): string => {
    const items = pages()
      .map((m) => `<li><a href="${esc(globalPagePath(manifest))}" data-testid="app-${esc(m.key)}">${esc(m.title)}</a></li>`)
      .join('');
    return layout(viewer, store.data, 'Apps', `<h1>Apps</h1>${items ? `<ul>${items}</ul>` : '<p>No app adds a page here.</p>'}`);
  };

  const globalApp = (viewer: Viewer, appId: string, environmentId: string): string => {
    const module = pages()[0];
    if (!module || appId !== appUuid(manifest) || environmentId !== OFFLINE_ENVIRONMENT_ID) {
      return layout(viewer, store.data, 'Not found', '<h1>Page not found</h1><p>No app page at this address.</p>');
    }
    return layout(viewer, store.data, module.title, forgeFrame(module.key, `/__forge/frame/${encodeURIComponent(module.key)}/`, module.title));
  };

  return { appsList, globalApp };
}
