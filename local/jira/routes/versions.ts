import type { SiteAccess } from '../access';
import { HttpError, json, objectBody, type Ctx, type Register } from '../http';
import type { StoredProject, StoredVersion } from '../model';
import { hasProjectPermission } from '../permissions';

/** Project versions: get, create and update (releasing is an update with `released: true`), as Jira does. */
interface VersionBody {
  name?: unknown;
  description?: unknown;
  projectId?: unknown;
  project?: unknown;
  startDate?: unknown;
  releaseDate?: unknown;
  released?: unknown;
  archived?: unknown;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Applies the fields present in the body to the version; returns Jira-style field errors. */
function applyVersionFields(site: StoredVersion[], version: StoredVersion, body: VersionBody): Record<string, string> {
  const errors: Record<string, string> = {};
  if (body.name !== undefined) {
    if (typeof body.name !== 'string' || body.name.trim() === '') errors.name = 'You must specify a valid version name';
    else if (site.some((v) => v.projectId === version.projectId && v.id !== version.id && v.name.toLowerCase() === (body.name as string).toLowerCase())) errors.name = 'A version with this name already exists in this project.';
    else version.name = body.name;
  }
  if (body.description !== undefined) version.description = typeof body.description === 'string' ? body.description : '';
  for (const field of ['startDate', 'releaseDate'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (value !== null && (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))) errors[field] = 'Please enter the date in the following format: yyyy-MM-dd';
    else version[field] = value;
  }
  for (const field of ['released', 'archived'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') errors[field] = `'${field}' must be true or false.`;
    else version[field] = value;
  }
  return errors;
}

export function versionRoutes(r: Register, s: SiteAccess): void {
  const requireAdmin = (ctx: Ctx, project: StoredProject): void => {
    if (!hasProjectPermission(ctx.principal, project, 'ADMINISTER_PROJECTS')) throw new HttpError(403, ['You must have the Administer Projects permission to manage versions.']);
  };
  const visibleVersion = (ctx: Ctx): { version: StoredVersion; project: StoredProject } => {
    const version = s.site.versions.find((v) => v.id === ctx.params[0]);
    const project = version ? s.project(version.projectId) : undefined;
    if (!version || !project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) throw new HttpError(404, [`Could not find version for id '${ctx.params[0]}'`]);
    return { version, project };
  };

  r('GET', '/version/{id}', (ctx) => json(200, s.presenter.version(visibleVersion(ctx).version)));

  r('POST', '/version', (ctx) => {
    const body = objectBody(ctx) as VersionBody;
    const projectRef = body.projectId ?? body.project;
    const project = typeof projectRef === 'string' || typeof projectRef === 'number' ? s.project(String(projectRef)) : undefined;
    if (!project || !hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) throw new HttpError(400, [], { project: 'Project must be specified to create a version.' });
    requireAdmin(ctx, project);
    if (body.name === undefined) throw new HttpError(400, [], { name: 'You must specify a valid version name' });
    const version: StoredVersion = { id: String(s.site.counters.version + 1), projectId: project.id, name: '', description: '', startDate: null, releaseDate: null, released: false, archived: false };
    const errors = applyVersionFields(s.site.versions, version, body);
    if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
    s.site.counters.version += 1;
    s.site.versions.push(version);
    s.commit(ctx, { type: 'version:created', version: structuredClone(version) });
    return json(201, s.presenter.version(version));
  });

  r('PUT', '/version/{id}', (ctx) => {
    const { version, project } = visibleVersion(ctx);
    requireAdmin(ctx, project);
    const draft = structuredClone(version);
    const errors = applyVersionFields(s.site.versions, draft, (ctx.body ?? {}));
    if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
    const released = !version.released && draft.released;
    Object.assign(version, draft);
    s.commit(ctx, { type: released ? 'version:released' : 'version:updated', version: structuredClone(version) });
    return json(200, s.presenter.version(version));
  });
}
