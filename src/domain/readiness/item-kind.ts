import type { ItemKind } from './criterion';
import type { ReadinessSettings } from './settings';

/**
 * Epic or feature: as the project's settings name the issue type, else by hierarchy level (level 2 and above
 * are epics, level 1 features; so a plain Jira site's Epic, at level 1, counts as a feature made of stories).
 *
 * @example
 * itemKind({ typeId: '10000', level: 2 }, DEFAULT_READINESS_SETTINGS) // => 'EPIC'
 */
export function itemKind(type: { typeId: string; level: number }, settings: Pick<ReadinessSettings, 'epicTypeIds' | 'featureTypeIds'>): ItemKind {
  if (settings.epicTypeIds.includes(type.typeId)) return 'EPIC';
  if (settings.featureTypeIds.includes(type.typeId)) return 'FEATURE';
  return type.level >= 2 ? 'EPIC' : 'FEATURE';
}
