/**
 * Which Jira issue link types mean "depends on" in a project, and in which direction (KVS key
 * `settings:dependencies:<projectKey>`). For each type, the dependent is the issue that reads the type's
 * inward or outward description: with "Blocks" (outward "blocks", inward "is blocked by"), PAY-3 "is
 * blocked by" PAY-1 means PAY-3 depends on PAY-1, so the dependent reads the inward description.
 */
export interface MappedLinkType {
  name: string;
  dependentReads: 'inward' | 'outward';
}

export interface DependencySettings {
  linkTypes: MappedLinkType[];
}

export const DEFAULT_DEPENDENCY_SETTINGS: DependencySettings = { linkTypes: [{ name: 'Blocks', dependentReads: 'inward' }] };

export const MAX_MAPPED_LINK_TYPES = 10;

/**
 * Null when the settings are usable; otherwise what to fix. `knownTypes` are the site's link type names.
 *
 * @example
 * dependencySettingsProblem({ linkTypes: [] }, ['Blocks']) // => 'Choose at least one link type that means "depends on".'
 */
export function dependencySettingsProblem(settings: DependencySettings, knownTypes: string[]): string | null {
  if (settings.linkTypes.length === 0) return 'Choose at least one link type that means "depends on".';
  if (settings.linkTypes.length > MAX_MAPPED_LINK_TYPES) return `At most ${MAX_MAPPED_LINK_TYPES} link types.`;
  const names = settings.linkTypes.map((t) => t.name.toLowerCase());
  if (new Set(names).size !== names.length) return 'Each link type can be chosen once.';
  const unknown = settings.linkTypes.find((t) => !knownTypes.some((k) => k.toLowerCase() === t.name.toLowerCase()));
  return unknown ? `There is no issue link type named "${unknown.name}" on this site.` : null;
}

/** The mapping of a link type, or null when links of that type are not dependencies in this project. */
export function mappingFor(settings: DependencySettings, typeName: string): MappedLinkType | null {
  return settings.linkTypes.find((t) => t.name.toLowerCase() === typeName.toLowerCase()) ?? null;
}
