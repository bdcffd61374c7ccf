import { mergeFacts, type ItemSummary } from '../../domain/item-summary/item-summary';
import type { FactFeature } from '../../domain/readiness/criterion';
import { scoreReadiness, type Readiness } from '../../domain/readiness/score';
import type { ItemSummaryStore } from '../item-summary/ports';
import { invalidInput, notFound } from '../shared/errors';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { gatherPlanningFacts, type GatherDeps } from './gather-planning-facts';
import type { ReadinessSettingsStore } from './ports';

export interface ReadinessViewDeps extends GatherDeps {
  itemSummary: ItemSummaryStore;
  readinessSettings: ReadinessSettingsStore;
  landedFeatures: readonly FactFeature[];
}

export interface ReadinessView {
  issueKey: string;
  readiness: Readiness;
  /** The score Jira search has (`readinessScore`), null when none is stored yet. */
  storedScore: number | null;
  counts: Pick<ItemSummary, 'dependencies' | 'risks' | 'impediments'>;
  /** The features whose criteria count (besides planning), so the side panel shows only their counts. */
  landedFeatures: FactFeature[];
}

/**
 * An epic's or feature's readiness, explained: scored from its stored summary and the project's settings as
 * they are now (the same engine `publishFacts` runs, so it agrees with `readinessScore` once stored). An item
 * the app has no facts for yet is scored from Jira on the spot, as the user, without writing anything.
 * The user must be able to browse the issue: the reader reads it as the user.
 */
export async function getReadiness(deps: ReadinessViewDeps, issueKey: string): Promise<ReadinessView> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  if (!isPlanningItemType(item.issueType)) throw invalidInput(`Readiness is scored for epics and features; ${item.key} is a ${item.issueType.name}.`);
  const stored = await deps.itemSummary.load(item.id);
  const facts = stored?.planningFacts ?? (await gatherPlanningFacts(deps, item.id));
  if (!facts) throw notFound(`Issue ${issueKey}`);
  const summary: ItemSummary = stored ?? mergeFacts(null, {});
  const settings = await deps.readinessSettings.get(facts.project);
  return {
    issueKey: item.key,
    readiness: scoreReadiness({ summary, facts, settings, landed: deps.landedFeatures }),
    storedScore: stored?.readiness?.score ?? null,
    counts: { dependencies: summary.dependencies, risks: summary.risks, impediments: summary.impediments },
    landedFeatures: [...deps.landedFeatures],
  };
}
