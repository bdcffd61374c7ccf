import type { StatusCategory } from '../work-item/work-item';

/** A child (or grandchild) of a planning item, as decomposition needs it. */
export interface DecompositionItem {
  key: string;
  summary: string;
  issueTypeName: string;
  hierarchyLevel: number;
  statusCategory: StatusCategory;
  storyPoints: number | null;
  labels: string[];
  parentKey: string | null;
}

export interface Decomposition {
  /** Direct children (one level down). */
  childCount: number;
  childrenByStatus: Record<StatusCategory, number>;
  /** Story-level items under the item (children, or grandchildren for items two levels up). */
  storyCount: number;
  storiesByStatus: Record<StatusCategory, number>;
  estimatedStoryCount: number;
  /** Share of story-level items with story points, 0-100 (100 when there are none). */
  estimatedPct: number;
  bottomUpPoints: number;
  unestimated: DecompositionItem[];
  enablers: DecompositionItem[];
}

const ENABLER_LABELS = ['enabler', 'spike'];

/** An enabler by label ("enabler", "spike") or by issue type name ("Enabler", "Spike"). */
export function isEnabler(item: Pick<DecompositionItem, 'labels' | 'issueTypeName'>): boolean {
  return item.labels.some((l) => ENABLER_LABELS.includes(l.toLowerCase())) || ENABLER_LABELS.includes(item.issueTypeName.toLowerCase());
}

const countBy = (items: DecompositionItem[]): Record<StatusCategory, number> => ({
  new: items.filter((i) => i.statusCategory === 'new').length,
  indeterminate: items.filter((i) => i.statusCategory === 'indeterminate').length,
  done: items.filter((i) => i.statusCategory === 'done').length,
});

/**
 * Summarises how far a planning item is broken down, from its descendants.
 *
 * @example
 * decompose('PAY-2', [story('PAY-3', 5), story('PAY-4', null)]).estimatedPct // => 50
 */
export function decompose(itemKey: string, descendants: DecompositionItem[]): Decomposition {
  const children = descendants.filter((d) => d.parentKey === itemKey);
  const stories = descendants.filter((d) => d.hierarchyLevel === 0);
  const estimated = stories.filter((s) => s.storyPoints !== null);
  return {
    childCount: children.length,
    childrenByStatus: countBy(children),
    storyCount: stories.length,
    storiesByStatus: countBy(stories),
    estimatedStoryCount: estimated.length,
    estimatedPct: stories.length === 0 ? 100 : Math.round((estimated.length / stories.length) * 100),
    bottomUpPoints: estimated.reduce((sum, s) => sum + (s.storyPoints ?? 0), 0),
    unestimated: stories.filter((s) => s.storyPoints === null),
    enablers: descendants.filter(isEnabler),
  };
}
