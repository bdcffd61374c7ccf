import type { Impediment } from '../../domain/impediments/model';
import { breachesSla, utcDay, workingDaysBetween } from '../../domain/impediments/sla';
import type { PortfolioScanner } from '../portfolio/ports';
import { applyToRecord } from './apply-to-record';
import type { DetectDeps } from './detect-impediments';

export interface SweepDeps extends DetectDeps {
  scanner: PortfolioScanner;
}

/** The items the sweep looks at: every epic or feature the index says has open impediments. */
export const SWEEP_JQL = 'openImpediments > 0 ORDER BY key ASC';

/**
 * The daily SLA sweep: every open impediment older than its project's SLA is escalated again, with a comment
 * mentioning its owner, at most once per UTC day (the day is stored on the impediment under the lease, so a
 * second run the same day, or a retried one, comments nothing).
 */
export async function sweepSlaBreaches(deps: SweepDeps): Promise<{ items: number; reEscalated: number; warnings: string[] }> {
  const found = await deps.scanner.scan({ jql: SWEEP_JQL, fields: ['summary'], properties: [] });
  const today = utcDay(deps.now());
  let reEscalated = 0;
  const warnings = [...found.warnings];
  for (const issue of found.issues) {
    const source = await deps.escalations.readSource(issue.id);
    if (!source?.owner) continue;
    const owner = source.owner;
    const { slaWorkingDays } = await deps.escalationSettings.get(owner.projectKey);
    let due: Impediment[] = [];
    await applyToRecord(deps, owner, (record) => {
      due = record.impediments.filter((i) => i.status === 'OPEN' && i.reEscalatedOn !== today && breachesSla(i.raisedAt, deps.now(), slaWorkingDays));
      const ids = new Set(due.map((i) => i.id));
      return { record: { impediments: record.impediments.map((i) => (ids.has(i.id) ? { ...i, reEscalatedOn: today } : i)) }, raised: [], resolved: [] };
    });
    for (const i of due) {
      try {
        const age = workingDaysBetween(new Date(i.raisedAt), deps.now());
        await deps.notifier.comment(owner.key, i.owner, ` the impediment from ${i.source.key} has been open ${age} working days, over the ${slaWorkingDays}-day SLA: escalated again.`);
        reEscalated += 1;
      } catch (e) {
        warnings.push(`${owner.key}: the re-escalation comment failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { items: found.issues.length, reEscalated, warnings };
}
