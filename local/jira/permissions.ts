import { hasKey, type ProjectRole, type SiteData, type StoredProject } from './model';

/** Who is calling: a signed-in user (Basic auth or asUser), the app itself (asApp), or nobody. */
export type Principal = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export const PROJECT_PERMISSIONS = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.', roles: ['Administrators', 'Developers', 'Viewers'] },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.', roles: ['Administrators', 'Developers'] },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.', roles: ['Administrators', 'Developers'] },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.', roles: ['Administrators', 'Developers'] },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', description: 'Ability to set and edit due dates.', roles: ['Administrators', 'Developers'] },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together.', roles: ['Administrators', 'Developers'] },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.', roles: ['Administrators', 'Developers'] },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.', roles: ['Administrators'] },
} satisfies Record<string, { id: string; name: string; description: string; roles: ProjectRole[] }>;

export type ProjectPermissionKey = keyof typeof PROJECT_PERMISSIONS;

export function isProjectPermission(key: string): key is ProjectPermissionKey {
  return hasKey(PROJECT_PERMISSIONS, key);
}

export function hasProjectPermission(principal: Principal, project: StoredProject, permission: ProjectPermissionKey): boolean {
  if (principal.kind === 'app') return true;
  if (principal.kind === 'anonymous') return false;
  if (!hasKey(project.roles, principal.accountId)) return false;
  const role = project.roles[principal.accountId]!;
  return (PROJECT_PERMISSIONS[permission].roles as readonly string[]).includes(role);
}

export function visibleProjectIds(site: SiteData, principal: Principal): Set<string> {
  return new Set(site.projects.filter((p) => hasProjectPermission(principal, p, 'BROWSE_PROJECTS')).map((p) => p.id));
}
