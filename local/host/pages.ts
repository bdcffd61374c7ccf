import type { SiteData, StoredIssue, StoredProject, StoredUser } from '../jira/model';
import type { UiModule } from '../runtime/manifest';

/** Server-rendered pages of the Jira-like shell. Kept plain: the app's own UI lives in the iframes. */
export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Viewer {
  user: StoredUser;
  colorMode: 'light' | 'dark';
}

const STYLE = `
  body { margin: 0; font-family: var(--ds-font-family-body, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif); font-size: 14px;
         background: var(--ds-surface, #fff); color: var(--ds-text, #172B4D); }
  a { color: var(--ds-link, #0C66E4); text-decoration: none; } a:hover { text-decoration: underline; }
  header.topnav { display: flex; align-items: center; gap: 16px; height: 56px; padding: 0 16px; border-bottom: 1px solid var(--ds-border, #091E4224);
         background: var(--ds-surface, #fff); position: sticky; top: 0; z-index: 10; }
  header.topnav .brand { font-weight: 653; color: var(--ds-text, #172B4D); display: flex; gap: 8px; align-items: center; }
  header.topnav .spacer { flex: 1; }
  header.topnav form { display: flex; gap: 8px; align-items: center; margin: 0; }
  select, button { font: inherit; color: var(--ds-text, #172B4D); background: var(--ds-background-neutral, #091E420F); border: 1px solid var(--ds-border, #091E4224); border-radius: 3px; padding: 4px 8px; }
  .layout { display: flex; min-height: calc(100vh - 57px); }
  nav.sidebar { width: 240px; border-right: 1px solid var(--ds-border, #091E4224); padding: 16px 8px; box-sizing: border-box; background: var(--ds-surface-sunken, #F7F8F9); }
  nav.sidebar a { display: block; padding: 8px 12px; border-radius: 3px; color: var(--ds-text-subtle, #44546F); }
  nav.sidebar a.active { background: var(--ds-background-selected, #E9F2FF); color: var(--ds-text-selected, #0C66E4); }
  nav.sidebar h2 { font-size: 12px; text-transform: uppercase; color: var(--ds-text-subtlest, #626F86); margin: 8px 12px; }
  main { flex: 1; padding: 24px 32px; min-width: 0; }
  h1 { font-size: 24px; font-weight: 653; margin: 0 0 16px; }
  table.list { border-collapse: collapse; width: 100%; }
  table.list th { text-align: left; color: var(--ds-text-subtle, #44546F); font-size: 12px; border-bottom: 2px solid var(--ds-border, #091E4224); padding: 6px 8px; }
  table.list td { border-bottom: 1px solid var(--ds-border, #091E4224); padding: 6px 8px; }
  .issue { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 32px; }
  .breadcrumbs { color: var(--ds-text-subtle, #44546F); margin-bottom: 8px; }
  .details dl { display: grid; grid-template-columns: 120px 1fr; gap: 8px 12px; margin: 0; }
  .details dt { color: var(--ds-text-subtle, #44546F); }
  .details dd { margin: 0; }
  .app-section { margin-top: 24px; border-top: 1px solid var(--ds-border, #091E4224); padding-top: 12px; }
  .app-section h3 { font-size: 14px; margin: 0 0 8px; display: flex; justify-content: space-between; }
  .context-panel { border: 1px solid var(--ds-border, #091E4224); border-radius: 3px; margin-top: 16px; }
  .context-panel summary { padding: 8px 12px; cursor: pointer; font-weight: 600; }
  iframe.forge { border: 0; width: 100%; display: block; height: 120px; }
  .lozenge { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase; }
  .cat-new { background: var(--ds-background-neutral, #091E420F); color: var(--ds-text-subtle, #44546F); }
  .cat-indeterminate { background: var(--ds-background-information, #E9F2FF); color: var(--ds-text-information, #0055CC); }
  .cat-done { background: var(--ds-background-success, #DCFFF1); color: var(--ds-text-success, #216E4E); }
  .cat-moved { background: var(--ds-background-warning, #FFF7D6); color: var(--ds-text-warning, #A54800); }
  .flag { color: var(--ds-text-danger, #AE2E24); font-weight: 600; }
  #flags { position: fixed; left: 24px; bottom: 24px; display: flex; flex-direction: column; gap: 8px; z-index: 20; }
  #flags div { background: var(--ds-surface-overlay, #fff); box-shadow: var(--ds-shadow-overlay, 0 4px 8px #091E4240); padding: 12px 16px; border-radius: 3px; max-width: 400px; }
`;

/**
 * Changes the session (acting user, theme) with a JSON request: the host accepts nothing else there, so a
 * form on another site cannot switch the user (see csrf.ts). The host answers with the local page to show.
 */
const SESSION_SCRIPT = `
  function prSession(choice) {
    var back = window.__PR_BACK__ || (window.location.pathname + window.location.search);
    fetch('/__local/session', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.assign({ back: back }, choice)) })
      .then(function (r) { return r.json(); })
      .then(function (answer) { if (answer.location) window.location.href = answer.location; });
  }
`;

const HOST_SCRIPT = `
  /* The collapsed side panels' statuses, read again from the server after an app call (they follow the app's
     per-issue status property without a reload). Calls that overlap are folded into one read. */
  var prStatusRead = null;
  function prRefreshContextStatus() {
    if (prStatusRead) return;
    prStatusRead = fetch(window.location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-context-status]').forEach(function (el) {
        var next = fresh.querySelector('[data-context-status="' + el.getAttribute('data-context-status') + '"]');
        if (next && next.innerHTML !== el.innerHTML) el.innerHTML = next.innerHTML;
      });
    }).catch(function () {}).then(function () { prStatusRead = null; });
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.source !== 'forge-frame') return;
    var frame = document.getElementById(event.data.frameId);
    if (event.data.type === 'resize' && frame) frame.style.height = Math.max(40, event.data.height) + 'px';
    if (event.data.type === 'navigate' && event.data.url) { if (event.data.newTab) window.open(event.data.url); else window.location.href = event.data.url; }
    if (event.data.type === 'reload') window.location.reload();
    if (event.data.type === 'invoked' && document.querySelector('[data-context-status]')) prRefreshContextStatus();
    if (event.data.type === 'showFlag') {
      var flag = document.createElement('div'); flag.setAttribute('role', 'alert');
      flag.textContent = (event.data.flag.title || '') + (event.data.flag.description ? ': ' + event.data.flag.description : '');
      document.getElementById('flags').appendChild(flag); setTimeout(function () { flag.remove(); }, 8000);
    }
  });
`;

export function layout(viewer: Viewer, site: SiteData, title: string, body: string, sidebar = ''): string {
  const userOptions = site.users
    .map((u) => `<option value="${esc(u.emailAddress)}"${u.accountId === viewer.user.accountId ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.emailAddress)})</option>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-color-mode="${viewer.colorMode}" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Jira (offline Forge host)</title>
${['light', 'dark', 'spacing', 'typography', 'shape'].map((t) => `<link rel="stylesheet" href="/__forge/tokens/${t}.css">`).join('')}
<style>${STYLE}</style>
</head>
<body>
<header class="topnav">
  <a class="brand" href="/projects"><svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true"><path fill="#1868DB" d="M11.5 2 2 11.5l4 4 5.5-5.5 5.5 5.5 4-4z"/><path fill="#357DE8" d="M11.5 13.5 7.5 17.5l4 4 4-4z"/></svg> Jira <small style="font-weight:400;color:var(--ds-text-subtlest,#626F86)">offline Forge host</small></a>
  <a href="/projects">Projects</a>
  <a href="/jira/apps" data-testid="nav-apps">Apps</a>
  <a href="/__local/automation">Automation</a>
  <a href="/__local/events">Forge events</a>
  <span class="spacer"></span>
  <form data-testid="session-form" onsubmit="return false">
    <label for="user-switcher">Acting as</label>
    <select id="user-switcher" name="user" onchange="prSession({ user: this.value })">${userOptions}</select>
    <button type="button" id="theme-toggle" onclick="prSession({ theme: '${viewer.colorMode === 'dark' ? 'light' : 'dark'}' })">${viewer.colorMode === 'dark' ? 'Light mode' : 'Dark mode'}</button>
  </form>
</header>
<div class="layout">${sidebar}<main>${body}</main></div>
<div id="flags" aria-live="polite"></div>
<script>${SESSION_SCRIPT}${HOST_SCRIPT}</script>
</body></html>`;
}

export function projectSidebar(project: StoredProject, active: string, pages: UiModule[]): string {
  return `<nav class="sidebar" aria-label="Project">
  <h2>${esc(project.name)}</h2>
  <a href="/projects/${esc(project.key)}" class="${active === 'issues' ? 'active' : ''}">Issues</a>
  <h2>Apps</h2>
  ${pages.filter((p) => p.type === 'jira:projectPage').map((p) => link(project, p, active)).join('')}
  ${pages.some((p) => p.type === 'jira:projectSettingsPage') ? '<h2>Project settings</h2>' : ''}
  ${pages.filter((p) => p.type === 'jira:projectSettingsPage').map((p) => link(project, p, active)).join('')}
</nav>`;
}

function link(project: StoredProject, page: UiModule, active: string): string {
  return `<a href="/projects/${esc(project.key)}/apps/${esc(page.key)}" class="${active === page.key ? 'active' : ''}" data-testid="nav-${esc(page.key)}">${esc(page.title)}</a>`;
}

export function statusLozenge(site: SiteData, issue: StoredIssue): string {
  const status = site.statuses.find((s) => s.id === issue.statusId)!;
  return `<span class="lozenge cat-${status.categoryKey}">${esc(status.name)}</span>`;
}

export function forgeFrame(frameId: string, src: string, title: string): string {
  return `<iframe class="forge" id="${esc(frameId)}" title="${esc(title)}" src="${esc(src)}" data-testid="forge-frame-${esc(frameId)}"></iframe>`;
}

/** The page a visitor without a session sees first: who to act as, then back to the page they asked for. */
export function chooseUserPage(site: SiteData, back: string, colorMode: Viewer['colorMode']): string {
  const users = site.users
    .filter((u) => u.active)
    .map((u) => `<li><button type="button" data-testid="choose-${esc(u.emailAddress)}" data-user="${esc(u.emailAddress)}" onclick="prSession({ user: this.dataset.user })">${esc(u.displayName)}</button> <small>${esc(u.emailAddress)}</small></li>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-color-mode="${colorMode}">
<head><meta charset="utf-8"><title>Choose a user - Jira (offline Forge host)</title><style>${STYLE} ul.users { list-style: none; padding: 0; } ul.users li { margin: 8px 0; }</style></head>
<body><main>
<h1>Who are you acting as?</h1>
<p>The offline host has no passwords: choose a demo user. <code>npm start -- --user &lt;email&gt;</code> starts with one.</p>
<ul class="users">${users}</ul>
</main>
<script>window.__PR_BACK__ = ${JSON.stringify(back).replace(/</g, '\\u003c')};${SESSION_SCRIPT}</script>
</body></html>`;
}
