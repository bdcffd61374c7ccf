import type { StoredIssue, StoredProject } from '../jira/model';
import { issueActions } from './shell-actions';
import { hasProjectPermission, type Principal } from '../jira/permissions';
import type { SiteStore } from '../jira/store';
import type { LoadedManifest, UiModule } from '../runtime/manifest';
import { esc, forgeFrame, layout, projectSidebar, statusLozenge, type Viewer } from './pages';

export interface ShellViews {
  issueView(viewer: Viewer, key: string): string;
  projectIssues(viewer: Viewer, key: string): string;
  projectsList(viewer: Viewer): string;
  projectApp(viewer: Viewer, key: string, moduleKey: string): string;
}

/** The Jira-like shell's pages, rendered on the server: project list, project issues, issue view, app pages. */
export function shellViews(store: SiteStore, manifest: LoadedManifest): ShellViews {
  const canBrowse = (accountId: string, issue: StoredIssue): boolean => {
    const project = store.data.projects.find((p) => p.id === issue.projectId)!;
    return hasProjectPermission({ kind: 'user', accountId }, project, 'BROWSE_PROJECTS');
  };

  /** The collapsed panel's lozenge: the app's per-issue status property, else the manifest's default. */
  const contextStatus = (issue: StoredIssue, m: UiModule): string => {
    const stored = issue.properties[`com.atlassian.jira.issue:${manifest.appId.split('/').pop() ?? ''}:${m.key}:status`] as { value?: { label?: string; type?: string } } | undefined;
    const status = stored?.value?.label ? { label: stored.value.label, type: stored.value.type ?? 'default' } : m.status;
    const cat = ({ success: 'done', inprogress: 'indeterminate', moved: 'moved' } as Record<string, string>)[status?.type ?? ''] ?? 'new';
    const lozenge = status ? `<span class="lozenge cat-${cat}" data-testid="context-status-${esc(m.key)}">${esc(status.label)}</span>` : '';
    return `<span data-context-status="${esc(m.key)}">${lozenge}</span>`;
  };

  const issueView = (viewer: Viewer, key: string): string => {
    const issue = store.data.issues.find((i) => i.key === key.toUpperCase());
    if (!issue || !canBrowse(viewer.user.accountId, issue)) {
      return layout(viewer, store.data, 'Issue not found', `<h1>Issue not found</h1><p>${esc(key)} does not exist or you do not have permission to see it.</p>`);
    }
    const project = store.data.projects.find((p) => p.id === issue.projectId)!;
    const type = store.data.issueTypes.find((t) => t.id === issue.issueTypeId)!;
    const user = (id: string | null): string => esc(store.data.users.find((u) => u.accountId === id)?.displayName ?? 'Unassigned');
    const parent = store.data.issues.find((i) => i.id === issue.parentId);
    const shown = (m: UiModule): boolean => m.issueTypes === null || m.issueTypes.includes(type.name);
    const panels = manifest.uiModules.filter((m) => m.type === 'jira:issuePanel' && shown(m));
    const contexts = manifest.uiModules.filter((m) => m.type === 'jira:issueContext' && shown(m));
    const frameSrc = (m: UiModule): string => `/__forge/frame/${encodeURIComponent(m.key)}/?issueKey=${encodeURIComponent(issue.key)}`;
    const description = (issue.description?.content ?? [])
      .map((p) => `<p>${esc(((p as { content?: Array<{ text?: string }> }).content ?? []).map((t) => t.text ?? '').join(''))}</p>`)
      .join('');
    const body = `
  <div class="breadcrumbs"><a href="/projects/${esc(project.key)}">${esc(project.name)}</a>${parent ? ` / <a href="/browse/${esc(parent.key)}">${esc(parent.key)}</a>` : ''} / ${esc(issue.key)}</div>
  <div class="issue">
  <section>
    <h1 data-testid="issue-summary">${esc(issue.summary)}</h1>
    ${issueActions(store.data, issue, viewer)}
    <div>${description || '<p style="color:var(--ds-text-subtlest,#626F86)">No description</p>'}</div>
    ${panels.map((m) => `<div class="app-section"><h3>${esc(m.title)}</h3>${forgeFrame(m.key, frameSrc(m), m.title)}</div>`).join('')}
  </section>
  <aside class="details">
    <p>${statusLozenge(store.data, issue)} ${issue.flagged ? '<span class="flag">Flagged</span>' : ''}</p>
    <dl>
      <dt>Type</dt><dd>${esc(type.name)}</dd>
      <dt>Assignee</dt><dd>${user(issue.assigneeAccountId)}</dd>
      <dt>Reporter</dt><dd>${user(issue.reporterAccountId)}</dd>
      <dt>Fix versions</dt><dd>${esc(issue.fixVersionIds.map((id) => store.data.versions.find((v) => v.id === id)?.name).join(', ') || 'None')}</dd>
      <dt>Team</dt><dd>${esc(store.data.teams.find((t) => t.id === issue.teamId)?.name ?? 'None')}</dd>
      <dt>Story points</dt><dd>${esc(issue.storyPoints ?? 'None')}</dd>
    </dl>
    ${contexts.map((m) => `<details class="context-panel" open><summary>${esc(m.title)} ${contextStatus(issue, m)}</summary>${forgeFrame(m.key, frameSrc(m), m.title)}</details>`).join('')}
  </aside>
  </div>`;
    return layout(viewer, store.data, `[${issue.key}] ${issue.summary}`, body);
  };

  const projectIssues = (viewer: Viewer, key: string): string => {
    const project = store.data.projects.find((p) => p.key === key.toUpperCase());
    const principal: Principal = { kind: 'user', accountId: viewer.user.accountId };
    if (!project || !hasProjectPermission(principal, project, 'BROWSE_PROJECTS')) {
      return layout(viewer, store.data, 'Project not found', `<h1>Project not found</h1><p>${esc(key)} does not exist or you do not have permission to see it.</p>`);
    }
    const rows = store.data.issues
      .filter((i) => i.projectId === project.id)
      .map((i) => {
        const type = store.data.issueTypes.find((t) => t.id === i.issueTypeId)!;
        return `<tr><td>${esc(type.name)}</td><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.summary)}</td><td>${statusLozenge(store.data, i)}</td></tr>`;
      })
      .join('');
    return layout(viewer, store.data, project.name, `<h1>${esc(project.name)}: issues</h1><table class="list"><thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`, projectSidebar(project, 'issues', sidebarPages(project, viewer)));
  };

  const projectsList = (viewer: Viewer): string => {
    const principal: Principal = { kind: 'user', accountId: viewer.user.accountId };
    const visible = store.data.projects.filter((p) => hasProjectPermission(principal, p, 'BROWSE_PROJECTS'));
    const rows = visible.map((p) => `<tr><td><a href="/projects/${esc(p.key)}">${esc(p.name)}</a></td><td>${esc(p.key)}</td><td>${esc(store.data.users.find((u) => u.accountId === p.leadAccountId)?.displayName)}</td></tr>`).join('');
    return layout(viewer, store.data, 'Projects', `<h1>Projects</h1><table class="list"><thead><tr><th>Name</th><th>Key</th><th>Lead</th></tr></thead><tbody>${rows}</tbody></table>`);
  };

  /** Project pages for everyone who can browse; settings pages only for project administrators, as in Jira. */
  const sidebarPages = (project: StoredProject, viewer: Viewer): UiModule[] => {
    const isAdmin = hasProjectPermission({ kind: 'user', accountId: viewer.user.accountId }, project, 'ADMINISTER_PROJECTS');
    return manifest.uiModules.filter((m) => m.type === 'jira:projectPage' || (m.type === 'jira:projectSettingsPage' && isAdmin));
  };

  const projectApp = (viewer: Viewer, key: string, moduleKey: string): string => {
    const project = store.data.projects.find((p) => p.key === key.toUpperCase());
    const module = manifest.uiModules.find((m) => m.key === moduleKey);
    const pages = project ? sidebarPages(project, viewer) : [];
    if (!project || !module || !pages.includes(module) || !hasProjectPermission({ kind: 'user', accountId: viewer.user.accountId }, project, 'BROWSE_PROJECTS')) {
      return layout(viewer, store.data, 'Not found', '<h1>Page not found</h1>');
    }
    return layout(
      viewer,
      store.data,
      `${module.title} - ${project.name}`,
      forgeFrame(module.key, `/__forge/frame/${encodeURIComponent(module.key)}/?projectKey=${encodeURIComponent(project.key)}`, module.title),
      projectSidebar(project, module.key, pages),
    );
  };

  return { issueView, projectIssues, projectsList, projectApp };
}
