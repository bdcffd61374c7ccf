import { keyedRecord, type SiteData, type StoredIssue, type StoredProject } from './model';

/** What a new issue needs; every other field starts as Jira starts it (unassigned, unflagged, no labels...). */
export type IssueInit = Partial<StoredIssue> & Pick<StoredIssue, 'projectId' | 'issueTypeId' | 'summary' | 'reporterAccountId' | 'created'>;

/**
 * The one way to make a new stored issue, for the demo seed and for POST /issue alike. `draftIssue` takes
 * the next id and key without reserving them, so a draft that fails validation leaves the site unchanged;
 * `addIssue` reserves them and stores the issue.
 */
export function draftIssue(site: SiteData, init: IssueInit): StoredIssue {
  const project = projectOf(site, init.projectId);
  return {
    id: String(site.counters.issue + 1),
    key: `${project.key}-${(site.counters.project[project.key] ?? 0) + 1}`,
    statusId: site.statuses[0]!.id,
    priorityId: '3',
    description: null,
    assigneeAccountId: null,
    labels: [],
    fixVersionIds: [],
    parentId: null,
    duedate: null,
    storyPoints: null,
    flagged: false,
    teamId: null,
    updated: init.created,
    properties: keyedRecord(),
    comments: [],
    ...init,
  };
}

export function addIssue(site: SiteData, issue: StoredIssue): StoredIssue {
  const project = projectOf(site, issue.projectId);
  site.counters.issue = Number(issue.id);
  site.counters.project[project.key] = Number(issue.key.slice(project.key.length + 1));
  site.issues.push(issue);
  return issue;
}

function projectOf(site: SiteData, projectId: string): StoredProject {
  const project = site.projects.find((p) => p.id === projectId);
  if (!project) throw new Error(`No project with id ${projectId}`);
  return project;
}
