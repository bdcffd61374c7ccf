import { openImpediments, type Impediment, type ImpedimentRecord } from '../../domain/impediments/model';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { publishFacts, type PublishFactsDeps } from '../item-summary/publish-facts';
import type { IssueLock } from '../planning/ports';
import type { Deadline } from '../shared/deadline';
import { jiraUnavailable } from '../shared/errors';
import type { EscalationNotifier, EscalationSettingsStore, ImpedimentStore, OwningItem } from './ports';

export interface ImpedimentDeps extends PublishFactsDeps {
  lock: IssueLock;
  deadline: Deadline;
  impediments: ImpedimentStore;
  escalationSettings: EscalationSettingsStore;
  notifier: EscalationNotifier;
  now(): Date;
}

export interface RecordChange {
  record: ImpedimentRecord;
  raised: Impediment[];
  resolved: Impediment[];
}

export interface Applied extends RecordChange {
  /** The record was written (false: it already said this). */
  saved: boolean;
  /** Steps after the save that failed (search index, comment, field signal): the save stands. */
  warnings: string[];
}

/** Time the record and summary writes need: with less left, nothing is started. */
const MIN_WRITE_MS = 3_000;

/**
 * Applies one change to an owning item's impediment record UNDER THE ISSUE'S LEASE, writes it only when it
 * differs, and publishes the `impediments` section of the item summary (also when nothing changed, so a
 * summary that missed an earlier publish catches up, but never for an item without impediments). Then, outside the lease, it comments on raised
 * impediments and sets the field signal; their failures are warnings, since the record is saved.
 */
export async function applyToRecord(deps: ImpedimentDeps, owner: OwningItem, change: (record: ImpedimentRecord) => RecordChange): Promise<Applied> {
  const settings = await deps.escalationSettings.get(owner.projectKey);
  const warnings: string[] = [];
  const result = await deps.lock.withLock(owner.id, async (lease) => {
    const current = await deps.impediments.load(owner.id);
    const next = change(current);
    const saved = canonicalJson(current) !== canonicalJson(next.record);
    if (saved) {
      if (!deps.deadline.allows(MIN_WRITE_MS)) throw jiraUnavailable('nothing was saved (it answered too slowly)');
      lease.assertHeld();
      await deps.impediments.save(owner.id, next.record);
    }
    // An item that never had an impediment gets no summary written just because a child changed.
    if (!saved && current.impediments.length === 0) return { ...next, saved };
    try {
      lease.assertHeld();
      await publishFacts(deps, owner.id, { impediments: { open: openImpediments(next.record).length } });
    } catch (e) {
      if (!saved) throw e;
      warnings.push(`Saved, but Jira search could not be updated (${e instanceof Error ? e.message : String(e)}); it catches up on the next change.`);
    }
    return { ...next, saved };
  });
  await notify(deps, owner, settings, result, warnings);
  return { ...result, warnings };
}

async function notify(deps: ImpedimentDeps, owner: OwningItem, settings: Awaited<ReturnType<EscalationSettingsStore['get']>>, result: RecordChange, warnings: string[]): Promise<void> {
  const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (e) {
      warnings.push(`Saved, but the ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (settings.commentOnRaise) {
    for (const i of result.raised) await attempt('comment on the item', () => deps.notifier.comment(owner.key, i.owner, raisedText(i)));
  }
  if (settings.fieldSignal !== 'NONE') await attempt('field signal', () => deps.notifier.signal(owner.key, settings, openImpediments(result.record).length > 0));
}

export function raisedText(i: Impediment): string {
  const why = { FLAGGED: 'was flagged', PRIORITY_HIGHEST: 'was raised to Highest priority', LABEL: `got the label ${i.detail ?? ''}`, BLOCKED_BY: `is blocked by ${i.detail ?? ''}`, ESCALATED: `was escalated: ${i.detail ?? ''}` }[i.cause];
  return ` an impediment was raised: ${i.source.key} ${why} (severity ${i.severity.toLowerCase()}). See the Escalations view of the project page.`;
}
