import { buildAgenda, CRITICAL_RISK_LEVEL, type Agenda } from '../../domain/impediments/agenda';
import { agendaMarkdown } from '../../domain/impediments/agenda-markdown';
import type { ImpedimentRecord } from '../../domain/impediments/model';
import type { ItemSummary } from '../../domain/item-summary/item-summary';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import type { PortfolioScanner, ProjectEditCheck } from '../portfolio/ports';
import { AppFailure, forbidden, notFound } from '../shared/errors';
import type { UserDirectory, WorkItemReader } from '../shared/ports';
import type { EscalationReader, EscalationSettingsStore } from './ports';

/** What the agenda remembers between meetings, per project (KVS). */
export interface MeetingState {
  lastMeetingAt: string | null;
  late: string[];
  critical: string[];
}

export interface MeetingStore {
  get(projectKey: string): Promise<MeetingState>;
  save(projectKey: string, state: MeetingState): Promise<void>;
}

/** Parsers of the raw property values the portfolio scan returns (the stored formats belong to adapters). */
export interface AgendaParsers {
  impediments(raw: unknown): ImpedimentRecord;
  summary(raw: unknown): ItemSummary | null;
}

/** As the user: the scan and the source summaries return only what they may browse. */
export interface AgendaDeps {
  reader: WorkItemReader;
  scanner: PortfolioScanner;
  escalations: EscalationReader;
  escalationSettings: EscalationSettingsStore;
  meetings: MeetingStore;
  users: UserDirectory;
  parsers: AgendaParsers;
  properties: { impediments: string; summary: string };
  now(): Date;
}

export interface AgendaView {
  project: { key: string; name: string };
  agenda: Agenda;
  slaWorkingDays: number;
  names: Record<string, string>;
  markdown: string;
  warnings: string[];
  /** Whether the agenda's actions are offered: the right closeMeeting checks (each follow-up checks its issue too). */
  canEdit: boolean;
}

/**
 * The Scrum of Scrums agenda of a project. Late dependencies and critical risks come from each item's summary
 * counts (the item summary), not from the dependency and risk records themselves.
 */
async function readItems(deps: AgendaDeps, projectKey: string) {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const types = project.issueTypes.filter(isPlanningItemType).map((t) => `"${t.id}"`);
  const scan =
    types.length === 0
      ? { issues: [], unreadCount: 0, warnings: [] }
      : await deps.scanner.scan({ jql: `project = "${project.key}" AND issuetype in (${types.join(', ')}) ORDER BY key ASC`, fields: ['summary'], properties: [deps.properties.impediments, deps.properties.summary] });
  const items = scan.issues.map((issue) => {
    const summary = deps.parsers.summary(issue.properties[deps.properties.summary]);
    return {
      key: issue.key,
      summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : issue.key,
      lateDependencies: summary?.dependencies.late ?? 0,
      riskLevel: summary?.risks.level ?? 0,
      impediments: deps.parsers.impediments(issue.properties[deps.properties.impediments]).impediments,
    };
  });
  return { project, items, warnings: scan.warnings };
}

/**
 * The Scrum of Scrums agenda of a project. Late dependencies and critical risks come from each item's summary
 * counts (the item summary), not from the dependency and risk records themselves.
 */
export async function getAgenda(deps: AgendaDeps, access: ProjectEditCheck, projectKey: string): Promise<AgendaView> {
  const [{ project, items, warnings }, settings, meeting, canEdit] = await Promise.all([
    readItems(deps, projectKey),
    deps.escalationSettings.get(projectKey),
    deps.meetings.get(projectKey),
    access.canEditInProject(projectKey),
  ]);
  const open = items.flatMap((i) => i.impediments.filter((x) => x.status === 'OPEN'));
  const owners = [...new Set(open.flatMap((i) => (i.owner ? [i.owner] : [])))];
  // Jira refuses a user lookup without ids (400): an agenda without owners, or whose items could not be read, asks none.
  const [sourceSummaries, people] = await Promise.all([deps.escalations.summaries(open.map((i) => i.source.key)), owners.length > 0 ? deps.users.byIds(owners) : []]);
  const agenda = buildAgenda({
    items,
    sourceSummaries,
    now: deps.now(),
    slaWorkingDays: settings.slaWorkingDays,
    lastMeetingAt: meeting.lastMeetingAt,
    seenAtLastMeeting: { late: new Set(meeting.late), critical: new Set(meeting.critical) },
  });
  const names = new Map(people.map((p) => [p.accountId, p.displayName]));
  return {
    project: { key: project.key, name: project.name },
    agenda,
    slaWorkingDays: settings.slaWorkingDays,
    names: Object.fromEntries(names),
    markdown: agendaMarkdown(agenda, `Scrum of Scrums: ${project.name}, ${deps.now().toISOString().slice(0, 10)}`, names),
    warnings,
    canEdit: canEdit === true,
  };
}

/**
 * Ends a meeting: the items late or at critical risk now are no longer "new" at the next one. `previous` is the
 * last meeting the caller saw (null: none); if someone closed one since, nothing changes (a conflict).
 * It changes what the agenda shows everyone as new, so it takes the right to edit issues in the project (as
 * "Commit the plan" does): browsing the agenda is not enough.
 */
export async function closeMeeting(deps: AgendaDeps, access: ProjectEditCheck, projectKey: string, previous: string | null): Promise<MeetingState> {
  const canEdit = await access.canEditInProject(projectKey);
  if (canEdit === null) throw notFound(`Project ${projectKey}`);
  if (!canEdit) throw forbidden('Only people who can edit issues in this project can close the meeting.');
  const { project, items } = await readItems(deps, projectKey);
  const current = await deps.meetings.get(project.key);
  if (current.lastMeetingAt !== previous) throw new AppFailure('CONFLICT', 'Someone closed the meeting in the meantime: reload the agenda.');
  const state: MeetingState = {
    lastMeetingAt: deps.now().toISOString(),
    late: items.filter((i) => i.lateDependencies > 0).map((i) => i.key),
    critical: items.filter((i) => i.riskLevel >= CRITICAL_RISK_LEVEL).map((i) => i.key),
  };
  await deps.meetings.save(project.key, state);
  return state;
}
