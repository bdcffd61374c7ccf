import { ChangeFeed, type ChangeDetail } from './changes';
import type { SiteData, StoredIssue, StoredProject } from './model';
import type { EntityPropertyAlias } from './jql';
import { HttpError, type Ctx } from './http';
import { hasProjectPermission, visibleProjectIds, type Principal, type ProjectPermissionKey } from './permissions';
import { Presenter } from './present';
import type { SiteStore } from './store';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/**
 * What every route file needs: the site, lookups that apply Jira's visibility rules (a hidden issue or
 * project is a 404, never a 403, so its existence does not leak) and the change notification.
 */
export class SiteAccess {
  readonly presenter: Presenter;
  readonly changes: ChangeFeed;

  constructor(readonly store: SiteStore, readonly aliases: EntityPropertyAlias[], readonly now: () => Date, appIsCalling?: () => boolean) {
    this.presenter = new Presenter(store.data);
    // A change goes out (product events, Automation) only once it is on disk, in commit order.
    this.changes = new ChangeFeed({
      persist: () => {
        store.changed();
        return store.durable();
      },
      now,
      appIsCalling,
    });
  }

  /** The one path of a write: persists the site and emits the change (product events, Automation). */
  commit(ctx: Ctx, change: ChangeDetail): void {
    this.changes.commit(change, ctx.principal);
  }

  get site(): SiteData {
    return this.store.data;
  }

  /** Jira's timestamp format: ISO 8601 with a +0000 offset. */
  stamp(): string {
    return this.now().toISOString().replace('Z', '+0000');
  }

  /** Ids and keys come from request bodies, so anything but a string finds nothing (a 4xx, never a crash). */
  project(idOrKey: unknown): StoredProject | undefined {
    if (typeof idOrKey !== 'string') return undefined;
    return this.site.projects.find((p) => p.id === idOrKey || p.key.toLowerCase() === idOrKey.toLowerCase());
  }

  projectOf(issue: StoredIssue): StoredProject {
    return this.site.projects.find((p) => p.id === issue.projectId)!;
  }

  canSee(principal: Principal): (i: StoredIssue) => boolean {
    const visible = visibleProjectIds(this.site, principal);
    return (i) => visible.has(i.projectId);
  }

  findIssue(idOrKey: unknown): StoredIssue | undefined {
    if (typeof idOrKey !== 'string') return undefined;
    const k = idOrKey.toUpperCase();
    return this.site.issues.find((i) => i.id === idOrKey || i.key === k);
  }

  visibleIssue(ctx: Ctx, idOrKey: unknown): StoredIssue {
    const issue = this.findIssue(idOrKey);
    if (!issue || !this.canSee(ctx.principal)(issue)) throw new HttpError(404, [ISSUE_NOT_FOUND]);
    return issue;
  }

  visibleProject(ctx: Ctx, key: string): StoredProject {
    const project = this.project(key);
    if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) {
      throw new HttpError(404, [`No project could be found with key '${key}'.`]);
    }
    return project;
  }

  requirePermission(ctx: Ctx, issue: StoredIssue, permission: ProjectPermissionKey, message: string): void {
    if (!hasProjectPermission(ctx.principal, this.projectOf(issue), permission)) throw new HttpError(403, [message]);
  }

  touch(issue: StoredIssue): void {
    issue.updated = this.stamp();
    this.store.changed();
  }

  currentAccountId(ctx: Ctx): string | null {
    return ctx.principal.kind === 'user' ? ctx.principal.accountId : null;
  }
}
