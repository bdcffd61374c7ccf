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
  /** The Atlassian team the item is planned for, if any. */
  team: string | null;
}

/** The work items at one hierarchy level below the item, named by their own issue types. */
export interface LevelCount {
  hierarchyLevel: number;
  total: number;
  /** Each issue type at this level with its count, most frequent first (e.g. 10 Story, 2 Bug). */
  byType: Array<{ name: string; count: number }>;
  byStatus: Record<StatusCategory, number>;
}

export interface Decomposition {
  /** Direct children (one level down), in key order, each with its own issue type. */
  children: DecompositionItem[];
  /** Every level below the item, highest first: children, then their children, down to the story level. */
  levels: LevelCount[];
  /** The teams of the direct children (an epic's teams are its features' teams), sorted, without repeats. */
  childTeams: string[];
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

/** Work items per hierarchy level, each level's issue types named and counted. */
function countLevels(descendants: DecompositionItem[]): LevelCount[] {
  const levels = [...new Set(descendants.map((d) => d.hierarchyLevel))].sort((a, b) => b - a);
  return levels.map((hierarchyLevel) => {
    const items = descendants.filter((d) => d.hierarchyLevel === hierarchyLevel);
    const names = [...new Set(items.map((i) => i.issueTypeName))];
    const byType = names.map((name) => ({ name, count: items.filter((i) => i.issueTypeName === name).length })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { hierarchyLevel, total: items.length, byType, byStatus: countBy(items) };
  });
}

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
    children,
    levels: countLevels(descendants),
    childTeams: [...new Set(children.flatMap((c) => (c.team ? [c.team] : [])))].sort(),
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
