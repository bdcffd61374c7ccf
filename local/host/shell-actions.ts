import { transitionId } from '../jira/routes/transitions';
import type { SiteData, StoredIssue } from '../jira/model';
import { hasProjectPermission } from '../jira/permissions';
import { esc, type Viewer } from './pages';

/**
 * The issue view's own Jira actions, so a demo user can cause the product events: flag and unflag, priority,
 * labels, linked issues (with a link-type picker), transition, due date and fix versions. Each control calls the
 * emulator's REST API from the page with the session, exactly as a script would; the page reloads on success
 * and shows Jira's error otherwise. Shown only to users who may edit the issue.
 */
const STYLE = `
  .shell-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 16px; }
  .shell-actions form { display: inline-flex; gap: 4px; align-items: center; margin: 0; }
  .shell-actions input { font: inherit; padding: 3px 6px; border: 1px solid var(--ds-border-input, #8590A2); border-radius: 3px; background: var(--ds-background-input, #fff); color: inherit; }
  .shell-links { margin: 8px 0 16px; } .shell-links ul { list-style: none; padding: 0; margin: 4px 0; }
  .chip { display: inline-flex; gap: 4px; align-items: center; background: var(--ds-background-neutral, #091E420F); border-radius: 3px; padding: 0 4px; margin-right: 4px; }
  .chip button { border: 0; background: none; padding: 0 2px; cursor: pointer; }
  #shell-error:empty { display: none; } #shell-error { color: var(--ds-text-danger, #AE2E24); }
`;

const SCRIPT = `
(function () {
  var key = document.querySelector('[data-issue-key]').dataset.issueKey;
  var error = document.getElementById('shell-error');
  function call(method, path, body) {
    error.textContent = '';
    return fetch('/rest/api/3' + path, { method: method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        return r.json().then(function (b) {
          var messages = (b.errorMessages || []).concat(Object.values(b.errors || {}));
          error.textContent = messages.join(' ') || ('Jira answered ' + r.status);
        }, function () { error.textContent = 'Jira answered ' + r.status; });
      });
  }
  function edit(body) { return call('PUT', '/issue/' + key, body); }
  function on(id, event, fn) { var el = document.getElementById(id); if (el) el.addEventListener(event, function (e) { e.preventDefault(); fn(el); }); }
  on('shell-flag', 'click', function (b) { edit({ fields: { customfield_10021: b.dataset.flagged === 'true' ? null : [{ value: 'Impediment' }] } }); });
  on('shell-priority', 'change', function (s) { edit({ fields: { priority: { id: s.value } } }); });
  on('shell-transition', 'change', function (s) { if (s.value) call('POST', '/issue/' + key + '/transitions', { transition: { id: s.value } }); });
  on('shell-label-form', 'submit', function (f) { if (f.label.value.trim()) edit({ update: { labels: [{ add: f.label.value.trim() }] } }); });
  on('shell-duedate-form', 'submit', function (f) { edit({ fields: { duedate: f.duedate.value || null } }); });
  on('shell-version-form', 'submit', function (f) { if (f.version.value) edit({ update: { fixVersions: [{ add: { id: f.version.value } }] } }); });
  on('shell-link-form', 'submit', function (f) {
    var parts = f.linktype.value.split(':'), other = { key: f.other.value.trim().toUpperCase() }, self = { key: key };
    call('POST', '/issueLink', { type: { id: parts[0] }, outwardIssue: parts[1] === 'outward' ? other : self, inwardIssue: parts[1] === 'outward' ? self : other });
  });
  document.querySelectorAll('[data-remove-label]').forEach(function (b) { b.addEventListener('click', function () { edit({ update: { labels: [{ remove: b.dataset.removeLabel }] } }); }); });
  document.querySelectorAll('[data-remove-version]').forEach(function (b) { b.addEventListener('click', function () { edit({ update: { fixVersions: [{ remove: { id: b.dataset.removeVersion } }] } }); }); });
  document.querySelectorAll('[data-remove-link]').forEach(function (b) { b.addEventListener('click', function () { call('DELETE', '/issueLink/' + b.dataset.removeLink); }); });
})();`;

const chip = (text: string, attribute: string, value: string, label: string): string =>
  `<span class="chip">${esc(text)}<button type="button" ${attribute}="${esc(value)}" aria-label="${esc(label)}">×</button></span>`;

function linkedIssues(site: SiteData, issue: StoredIssue, visible: (i: StoredIssue) => boolean): string {
  const rows = site.links.flatMap((l) => {
    const outward = l.inwardIssueId === issue.id; // the inward issue of a stored link is the one that "blocks"
    if (!outward && l.outwardIssueId !== issue.id) return [];
    const other = site.issues.find((i) => i.id === (outward ? l.outwardIssueId : l.inwardIssueId));
    const type = site.linkTypes.find((t) => t.id === l.typeId);
    if (!other || !type || !visible(other)) return [];
    return [`<li data-testid="shell-link-${esc(other.key)}">${esc(outward ? type.outward : type.inward)} <a href="/browse/${esc(other.key)}">${esc(other.key)}</a> ${esc(other.summary)} <button type="button" data-remove-link="${esc(l.id)}" aria-label="Remove link to ${esc(other.key)}">×</button></li>`];
  });
  return `<div class="shell-links"><strong>Linked issues</strong><ul>${rows.join('') || '<li>None</li>'}</ul></div>`;
}

export function issueActions(site: SiteData, issue: StoredIssue, viewer: Viewer): string {
  const principal = { kind: 'user' as const, accountId: viewer.user.accountId };
  const project = site.projects.find((p) => p.id === issue.projectId)!;
  if (!hasProjectPermission(principal, project, 'EDIT_ISSUES')) return '';
  const visible = (i: StoredIssue): boolean => hasProjectPermission(principal, site.projects.find((p) => p.id === i.projectId)!, 'BROWSE_PROJECTS');
  const versions = site.versions.filter((v) => v.projectId === issue.projectId && !v.archived);
  const option = (value: string, text: string, selected = false): string => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(text)}</option>`;
  return `<style>${STYLE}</style>
<div class="shell-actions" data-issue-key="${esc(issue.key)}" aria-label="Issue actions">
  <button type="button" id="shell-flag" data-flagged="${issue.flagged}">${issue.flagged ? 'Remove flag' : 'Add flag'}</button>
  <label>Status <select id="shell-transition">${option('', site.statuses.find((s) => s.id === issue.statusId)?.name ?? '', true)}${site.statuses.filter((s) => s.id !== issue.statusId).map((s) => option(transitionId(site, s), s.name)).join('')}</select></label>
  <label>Priority <select id="shell-priority">${site.priorities.map((p) => option(p.id, p.name, p.id === issue.priorityId)).join('')}</select></label>
  <form id="shell-duedate-form"><label>Due <input type="date" name="duedate" value="${esc(issue.duedate ?? '')}"></label><button type="submit">Set</button></form>
</div>
<div class="shell-actions">
  <span>Labels: ${issue.labels.map((l) => chip(l, 'data-remove-label', l, `Remove label ${l}`)).join('') || 'None'}</span>
  <form id="shell-label-form"><input name="label" placeholder="Add label" aria-label="Add label" pattern="\\S+"><button type="submit">Add</button></form>
  <span>Fix versions: ${issue.fixVersionIds.map((id) => chip(versions.find((v) => v.id === id)?.name ?? id, 'data-remove-version', id, 'Remove fix version')).join('') || 'None'}</span>
  <form id="shell-version-form"><select name="version" aria-label="Fix version">${versions.filter((v) => !issue.fixVersionIds.includes(v.id)).map((v) => option(v.id, v.name)).join('')}</select><button type="submit">Add</button></form>
</div>
${linkedIssues(site, issue, visible)}
<form id="shell-link-form" class="shell-actions">
  <span>Link issue: this issue</span>
  <select name="linktype" aria-label="Link type">${site.linkTypes.flatMap((t) => [option(`${t.id}:outward`, t.outward), ...(t.inward === t.outward ? [] : [option(`${t.id}:inward`, t.inward)])]).join('')}</select>
  <input name="other" placeholder="Issue key, e.g. PAY-2" aria-label="Issue to link" required>
  <button type="submit">Link</button>
</form>
<p id="shell-error" role="alert"></p>
<script>${SCRIPT}</script>`;
}
