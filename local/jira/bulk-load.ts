import { randomUUID } from 'node:crypto';
import { addIssue, draftIssue } from './issue-builder';
import { keyedRecord, type ProjectRole, type SiteData, type StoredIssue } from './model';
import type { SiteStore } from './store';

/**
 * A fast path that appends a whole generated program (projects, teams, issues, links, issue properties) to
 * the emulated site in one step, for benchmarks: one REST call per issue would take minutes at 20,000
 * items and rewrite the site file after each. Plain JSON in, so `local/` needs nothing from the app.
 *
 * It is setup, not traffic: it emits no change events (no product events, no Automation) and is not
 * counted as the app's calls. Issues refer to their parent and to linked issues by their index in
 * `issues`; a parent must come before its children.
 */
export interface BulkProject {
  key: string;
  name: string;
  leadAccountId: string;
  /** accountId -> role; a user without a role cannot see the project. */
  roles: Record<string, ProjectRole>;
}

export interface BulkIssue {
  projectKey: string;
  /** An issue type of the site, by name (Epic, Feature, Story...). */
  issueType: string;
  summary: string;
  /** Index of the parent in `issues`, or null. */
  parent: number | null;
  /** A team by name; a team the site does not have yet is created. */
  team: string | null;
  /** A status of the site, by name; the first status when absent. */
  status?: string;
  storyPoints?: number | null;
  assigneeAccountId?: string | null;
  /** Issue properties: key -> JSON value, stored as the REST API would store them. */
  properties?: Record<string, unknown>;
}

export interface BulkLink {
  /** A link type of the site, by name (e.g. Blocks). */
  type: string;
  /** Index in `issues` of the inward issue: for Blocks, the one that blocks. */
  inward: number;
  outward: number;
}

export interface BulkLoad {
  projects: BulkProject[];
  issues: BulkIssue[];
  links: BulkLink[];
  reporterAccountId: string;
  /** The creation time given to every issue (ISO with +0000, as the emulator stores it). */
  created: string;
}

export interface BulkLoaded {
  /** The new issues' ids and keys, in the order of `issues`. */
  issueIds: string[];
  issueKeys: string[];
}

export function bulkLoad(store: SiteStore, load: BulkLoad): BulkLoaded {
  const site = store.data;
  refuseInvalid(site, load);
  const projectIds = addProjects(site, load.projects);
  const typeId = lookup(site.issueTypes);
  const statusId = lookup(site.statuses);
  const teamId = (name: string): string => {
    const existing = site.teams.find((t) => t.name === name);
    if (existing) return existing.id;
    const team = { id: randomUUID(), name };
    site.teams.push(team);
    return team.id;
  };
  const created: StoredIssue[] = [];
  for (const issue of load.issues) {
    const parent = issue.parent === null ? null : created[issue.parent]!;
    const projectId = projectIds.get(issue.projectKey)!;
    created.push(
      addIssue(
        site,
        draftIssue(site, {
          projectId,
          issueTypeId: typeId(issue.issueType),
          summary: issue.summary,
          reporterAccountId: load.reporterAccountId,
          created: load.created,
          parentId: parent?.id ?? null,
          teamId: issue.team === null ? null : teamId(issue.team),
          ...(issue.status !== undefined ? { statusId: statusId(issue.status) } : {}),
          storyPoints: issue.storyPoints ?? null,
          assigneeAccountId: issue.assigneeAccountId ?? null,
          properties: keyedRecord(Object.entries(issue.properties ?? {})),
        }),
      ),
    );
  }
  const linkTypeId = lookup(site.linkTypes);
  for (const link of load.links) {
    site.counters.link += 1;
    site.links.push({ id: String(site.counters.link), typeId: linkTypeId(link.type), inwardIssueId: created[link.inward]!.id, outwardIssueId: created[link.outward]!.id });
  }
  // One change for the whole load: a persistent site writes it once, not once per issue.
  store.changed();
  return { issueIds: created.map((i) => i.id), issueKeys: created.map((i) => i.key) };
}

/** Checks the whole load first, so a load that is refused leaves the site as it was. */
function refuseInvalid(site: SiteData, load: BulkLoad): void {
  const keys = new Set(site.projects.map((p) => p.key));
  for (const p of load.projects) {
    if (keys.has(p.key)) throw new Error(`The site already has a project ${p.key}.`);
    keys.add(p.key);
  }
  const names = (items: ReadonlyArray<{ name: string }>): Set<string> => new Set(items.map((i) => i.name));
  const [types, statuses, linkTypes] = [names(site.issueTypes), names(site.statuses), names(site.linkTypes)];
  load.issues.forEach((issue, index) => {
    if (issue.parent !== null && !(Number.isInteger(issue.parent) && issue.parent >= 0 && issue.parent < index)) throw new Error(`Issue ${index}: its parent ${issue.parent} does not come before it.`);
    if (!keys.has(issue.projectKey)) throw new Error(`Issue ${index}: no project ${issue.projectKey}.`);
    if (!types.has(issue.issueType)) throw new Error(`Issue ${index}: the site has no issue type ${issue.issueType}.`);
    if (issue.status !== undefined && !statuses.has(issue.status)) throw new Error(`Issue ${index}: the site has no status ${issue.status}.`);
  });
  const inLoad = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < load.issues.length;
  for (const link of load.links) {
    if (!inLoad(link.inward) || !inLoad(link.outward)) throw new Error(`Link ${link.inward} -> ${link.outward}: no such issue in the load.`);
    if (!linkTypes.has(link.type)) throw new Error(`The site has no link type ${link.type}.`);
  }
}

function addProjects(site: SiteData, projects: BulkProject[]): Map<string, string> {
  const ids = new Map(site.projects.map((p) => [p.key, p.id]));
  let nextId = Math.max(0, ...site.projects.map((p) => Number(p.id)).filter(Number.isFinite)) + 1;
  for (const p of projects) {
    const id = String(nextId++);
    site.projects.push({ id, key: p.key, name: p.name, leadAccountId: p.leadAccountId, roles: keyedRecord(Object.entries(p.roles)) });
    site.counters.project[p.key] = 0;
    ids.set(p.key, id);
  }
  return ids;
}

/** Resolves names (checked by refuseInvalid) to ids through a map, so a load of 50,000 issues does not scan the list each time. */
function lookup(items: ReadonlyArray<{ id: string; name: string }>): (name: string) => string {
  const byName = new Map(items.map((i) => [i.name, i.id]));
  return (name) => byName.get(name)!;
}
