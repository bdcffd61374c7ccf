import type { Impediment } from './model';
import { breachesSla, workingDaysBetween } from './sla';

/**
 * The Scrum of Scrums agenda of a project: open impediments, oldest first, SLA breaches marked; and the
 * planning items with late dependencies or a critical risk that are new since the last meeting.
 */
export interface AgendaImpediment {
  item: { key: string; summary: string };
  impediment: Impediment;
  /** The source issue's summary, or null when the reader may not browse it (then only its key is shown). */
  sourceSummary: string | null;
  ageWorkingDays: number;
  slaBreached: boolean;
}

export interface AgendaItemFacts {
  key: string;
  summary: string;
  lateDependencies: number;
  riskLevel: number;
}

/** An impediment resolved since the last meeting, with its time to resolve. */
export interface AgendaResolved {
  item: { key: string; summary: string };
  impediment: Impediment;
  workingDaysToResolve: number;
}

export interface Agenda {
  impediments: AgendaImpediment[];
  resolved: AgendaResolved[];
  lateDependencies: AgendaItemFacts[];
  criticalRisks: AgendaItemFacts[];
  lastMeetingAt: string | null;
}

/** Highest rating of the risks section of the item summary (contract: 4 = critical). */
export const CRITICAL_RISK_LEVEL = 4;
/** Without a closed meeting, "resolved lately" looks back this far. */
export const RESOLVED_LOOKBACK_DAYS = 14;

export function buildAgenda(input: {
  items: Array<AgendaItemFacts & { impediments: Impediment[] }>;
  sourceSummaries: ReadonlyMap<string, string>;
  now: Date;
  slaWorkingDays: number;
  lastMeetingAt: string | null;
  /** Item keys that already had late dependencies / a critical risk at the last meeting. */
  seenAtLastMeeting: { late: ReadonlySet<string>; critical: ReadonlySet<string> };
}): Agenda {
  const impediments = input.items
    .flatMap((item) =>
      item.impediments
        .filter((i) => i.status === 'OPEN')
        .map((impediment) => ({
          item: { key: item.key, summary: item.summary },
          impediment,
          sourceSummary: input.sourceSummaries.get(impediment.source.key) ?? null,
          ageWorkingDays: workingDaysBetween(new Date(impediment.raisedAt), input.now),
          slaBreached: breachesSla(impediment.raisedAt, input.now, input.slaWorkingDays),
        })),
    )
    .sort((a, b) => a.impediment.raisedAt.localeCompare(b.impediment.raisedAt) || a.impediment.id.localeCompare(b.impediment.id));
  const since = input.lastMeetingAt ?? new Date(input.now.getTime() - RESOLVED_LOOKBACK_DAYS * 86_400_000).toISOString();
  const resolved = input.items
    .flatMap((item) =>
      item.impediments
        .filter((i) => i.status === 'RESOLVED' && i.resolvedAt !== null && i.resolvedAt >= since)
        .map((impediment) => ({ item: { key: item.key, summary: item.summary }, impediment, workingDaysToResolve: workingDaysBetween(new Date(impediment.raisedAt), new Date(impediment.resolvedAt ?? impediment.raisedAt)) })),
    )
    .sort((a, b) => (a.impediment.resolvedAt ?? '').localeCompare(b.impediment.resolvedAt ?? ''));
  const facts = ({ impediments: _omit, ...rest }: AgendaItemFacts & { impediments: Impediment[] }): AgendaItemFacts => rest;
  return {
    impediments,
    resolved,
    lateDependencies: input.items.filter((i) => i.lateDependencies > 0 && !input.seenAtLastMeeting.late.has(i.key)).map(facts),
    criticalRisks: input.items.filter((i) => i.riskLevel >= CRITICAL_RISK_LEVEL && !input.seenAtLastMeeting.critical.has(i.key)).map(facts),
    lastMeetingAt: input.lastMeetingAt,
  };
}
