import type { ActiveCause, Impediment, ImpedimentCause, ImpedimentRecord, Severity } from './model';

/** Resolved impediments kept for time-to-resolve history; older ones are dropped first. */
export const RESOLVED_KEPT = 50;

export interface RaiseContext {
  now: Date;
  /** Who made the change (null: unknown, e.g. a scheduled reconciliation). */
  actor: string | null;
  /** The owning item's tech lead, the default owner. */
  techLead: string | null;
}

export interface Reconciled {
  record: ImpedimentRecord;
  raised: Impediment[];
  resolved: Impediment[];
}

const sameCause = (i: Impediment, cause: ImpedimentCause, sourceId: string, detail: string | null): boolean =>
  i.status === 'OPEN' && i.cause === cause && i.source.id === sourceId && i.detail === detail;

function raise(source: { id: string; key: string }, cause: ImpedimentCause, detail: string | null, severity: Severity, ctx: RaiseContext): Impediment {
  const raisedAt = ctx.now.toISOString();
  return {
    id: `${cause}:${source.id}:${raisedAt}${detail === null ? '' : `:${detail}`}`,
    cause,
    source,
    detail,
    raisedBy: ctx.actor,
    raisedAt,
    owner: ctx.techLead,
    severity,
    status: 'OPEN',
    resolvedAt: null,
    nextStep: null,
    discussedAt: null,
    reEscalatedOn: null,
  };
}

/** Keeps every open impediment and the newest resolved ones. */
function trimmed(impediments: Impediment[]): Impediment[] {
  const resolved = impediments.filter((i) => i.status === 'RESOLVED').sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''));
  const dropped = new Set(resolved.slice(RESOLVED_KEPT).map((i) => i.id));
  return impediments.filter((i) => !dropped.has(i.id));
}

/**
 * Makes the record agree with the causes active on one source issue NOW: an active cause without an open
 * impediment raises one, an open detected impediment whose cause is gone resolves. Explicit escalations
 * (Automation, web trigger) resolve only when the source issue is done. Applying it twice changes nothing.
 */
export function reconcileSource(record: ImpedimentRecord, source: { id: string; key: string; done: boolean }, active: ActiveCause[], ctx: RaiseContext): Reconciled {
  const stillActive = (i: Impediment): boolean =>
    i.source.id !== source.id || i.status !== 'OPEN' || (i.cause === 'ESCALATED' ? !source.done : active.some((a) => a.cause === i.cause && a.detail === i.detail));
  const resolved: Impediment[] = [];
  const kept = record.impediments.map((i) => {
    if (stillActive(i)) return i;
    const done: Impediment = { ...i, status: 'RESOLVED', resolvedAt: ctx.now.toISOString() };
    resolved.push(done);
    return done;
  });
  const raised = active
    .filter((a) => !kept.some((i) => sameCause(i, a.cause, source.id, a.detail)))
    .map((a) => raise({ id: source.id, key: source.key }, a.cause, a.detail, a.severity, ctx));
  return { record: { impediments: trimmed([...kept, ...raised]) }, raised, resolved };
}

/**
 * An explicit escalation of a source issue with a reason. One open escalation per source issue: escalating
 * it again (a repeated rule run or web request) keeps the first and raises nothing.
 */
export function escalate(record: ImpedimentRecord, source: { id: string; key: string }, input: { reason: string; severity: Severity }, ctx: RaiseContext): Reconciled {
  if (record.impediments.some((i) => i.status === 'OPEN' && i.cause === 'ESCALATED' && i.source.id === source.id)) return { record, raised: [], resolved: [] };
  const raised = raise(source, 'ESCALATED', input.reason, input.severity, ctx);
  return { record: { impediments: trimmed([...record.impediments, raised]) }, raised: [raised], resolved: [] };
}
