import { activeCauses } from '../../domain/impediments/detect';
import { reconcileSource } from '../../domain/impediments/reconcile';
import type { EscalationSettings } from '../../domain/impediments/settings';
import { applyToRecord, type ImpedimentDeps } from './apply-to-record';
import type { EscalationReader, EscalationSource } from './ports';

export interface DetectDeps extends ImpedimentDeps {
  escalations: EscalationReader;
}

/** Issues blocked by a changed issue that are recomputed with it (a resolved blocker resolves their impediments). */
export const MAX_DEPENDENTS = 20;

/**
 * Recomputes the impediments one work item raises on its owning epic or feature, from the item's current
 * state in Jira (never from the event's delta), and then those of the issues it blocks. Called for every
 * issue and link event; a redelivered or reordered event computes the same state and writes nothing.
 */
export async function detectImpediments(deps: DetectDeps, issueIdOrKey: string, actor: string | null): Promise<string[]> {
  const source = await deps.escalations.readSource(issueIdOrKey);
  if (!source) return [`${issueIdOrKey}: not found`];
  const outcomes = [await detectOn(deps, source, actor)];
  for (const key of source.blocks.slice(0, MAX_DEPENDENTS)) {
    const dependent = await deps.escalations.readSource(key);
    if (dependent) outcomes.push(await detectOn(deps, dependent, actor));
  }
  return outcomes;
}

async function detectOn(deps: DetectDeps, source: EscalationSource, actor: string | null): Promise<string> {
  const { facts, owner } = source;
  if (!owner) return `${facts.key}: no owning epic or feature`;
  const projectSettings = await deps.escalationSettings.get(source.projectKey);
  // An item is in its own project, so these settings also say whether its flag is the app's signal.
  const settings = rulesFor(projectSettings, facts.id === owner.id && projectSettings.fieldSignal === 'FLAG');
  const active = facts.done ? [] : activeCauses(facts, settings);
  // Most events escalate nothing: without an active cause or an open impediment of this source, there is
  // nothing to reconcile, so no lease is taken (the lease-held reconcile below decides in every other case).
  if (active.length === 0 && !(await deps.impediments.load(owner.id)).impediments.some((i) => i.status === 'OPEN' && i.source.id === facts.id)) {
    return `${facts.key} -> ${owner.key}: nothing to escalate`;
  }
  const applied = await applyToRecord(deps, owner, (record) => reconcileSource(record, facts, active, { now: deps.now(), actor, techLead: owner.techLead }));
  for (const w of applied.warnings) console.warn(`[impediments] ${owner.key}: ${w}`);
  return `${facts.key} -> ${owner.key}: ${applied.raised.length} raised, ${applied.resolved.length} resolved${applied.saved ? '' : ' (unchanged)'}`;
}

/** When the app flags the owning item itself as its field signal, that flag is not an escalation of the item. */
function rulesFor(settings: EscalationSettings, ownFlagIsSignal: boolean): EscalationSettings {
  return ownFlagIsSignal ? { ...settings, rules: { ...settings.rules, FLAGGED: false } } : settings;
}
